// SiteContentBuilder+Models: corpora that trace the same sentences share example pages, with a model selector.
import Core

extension SiteContentBuilder {
    /// Corpora of the same task and split (e.g. SST-5 with the from-scratch Transformer and with MiniLM) trace the
    /// same sentences: the first of them in configuration order hosts the example pages, each page listing every
    /// model's prediction and scores (`ExampleContent.models`), and the others' examples point at those pages
    /// (`pageCorpusID`). An example the host did not trace (or tokenised differently) keeps its own page.
    static func linkModels(_ corpora: [CorpusContent], settings: [CorpusSettings]) -> [CorpusContent] {
        var linked = corpora
        var groups: [[Int]] = []
        for (i, corpus) in settings.enumerated() {
            if let g = groups.firstIndex(where: { settings[$0[0]].task == corpus.task && settings[$0[0]].split == corpus.split }) {
                groups[g].append(i)
            } else {
                groups.append([i])
            }
        }
        for group in groups where group.count > 1 {
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

    static func model(_ example: ExampleContent, _ corpus: CorpusSettings) -> ExampleModel {
        ExampleModel(corpusID: corpus.id, label: corpus.shortModelName, predictedLabel: example.predictedLabel,
                     traces: example.traces, completenessError: example.completenessError)
    }
}
