// SiteContentBuilder+Models: corpora that trace the same sentences share example pages, with a model selector.
import Core

extension SiteContentBuilder {
    /// Corpora of the same task and split (e.g. SST-5 with the from-scratch Transformer and with MiniLM) trace the
    /// same sentences: the first of them in configuration order hosts the example pages, each page listing every
    /// model's prediction and scores (`ExampleContent.models`), and the others' examples point at those pages
    /// (`pageCorpusID`). An example the host did not trace (or tokenised differently) keeps its own page.
    static func linkModels(_ corpora: [CorpusContent], settings: [CorpusSettings]) -> [CorpusContent] {
        var linked = corpora
        for group in sameSentences(settings) where group.count > 1 {
            let host = group[0]
            let position = Dictionary(linked[host].examples.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            for other in group.dropFirst() {
                for (k, example) in linked[other].examples.enumerated() {
                    guard let e = position[example.id], linked[host].examples[e].tokens == example.tokens else { continue }
                    if linked[host].examples[e].models.isEmpty {
                        linked[host].examples[e].models = [model(linked[host].examples[e], settings[host])]
                    }
                    linked[host].examples[e].models.append(model(example, settings[other]))
                    linked[other].examples[k].pageCorpusID = linked[host].id
                }
            }
        }
        return linked
    }

    /// Indices of the corpora grouped by (task, split, user data), groups and members in configuration order.
    static func sameSentences(_ settings: [CorpusSettings]) -> [[Int]] {
        var groups: [[Int]] = []
        for (i, corpus) in settings.enumerated() {
            if let g = groups.firstIndex(where: { 
                settings[$0[0]].task == corpus.task && settings[$0[0]].split == corpus.split && settings[$0[0]].data == corpus.data
            }) {
                groups[g].append(i)
            } else {
                groups.append([i])
            }
        }
        return groups
    }

    /// For each group of models of the same sentences, every method's Spearman ρ with |V − 5| (Warriner), one
    /// column per model, with its interval, Holm-adjusted p and n.
    static func modelComparisons(_ results: [CorpusResults]) -> [ModelComparison] {
        sameSentences(results.map(\.corpus)).filter { $0.count > 1 }.map { group in
            var methods: [String] = []
            var cells: [String: [StatisticRow?]] = [:]
            for (column, index) in group.enumerated() {
                for entry in results[index].report.entries where entry.layer == nil {
                    guard let rho = entry.targets.first?.spearman else { continue }
                    if cells[entry.method] == nil {
                        methods.append(entry.method)
                        cells[entry.method] = Array(repeating: nil, count: group.count)
                    }
                    cells[entry.method]![column] = StatisticRow(
                        methodID: entry.method, statistic: "Spearman ρ with |V − 5|", estimate: rho.estimate,
                        lower: rho.interval?.lower, upper: rho.interval?.upper, pValue: rho.adjusted?.holm ?? rho.pValue, n: rho.n)
                }
            }
            let first = results[group[0]].corpus
            return ModelComparison(title: "\(first.corpusName), \(first.split) split",
                                   models: group.map { results[$0].corpus.shortModelName },
                                   rows: methods.map { ModelComparison.Row(methodID: $0, cells: cells[$0]!) })
        }
    }

    static func model(_ example: ExampleContent, _ corpus: CorpusSettings) -> ExampleModel {
        ExampleModel(corpusID: corpus.id, label: corpus.shortModelName, predictedLabel: example.predictedLabel,
                     traces: example.traces, completenessError: example.completenessError)
    }
}
