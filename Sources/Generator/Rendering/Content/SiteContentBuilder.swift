// SiteContentBuilder: every corpus's results → the whole site's content: the home page's claim, models and key
// statistics, and each page kind's content from its own builder (corpus, example, word pages, downloads).
import Core
import Foundation

enum SiteContentBuilder {
    /// The claim under test and how the site tests it, with the number of methods LAT is compared with.
    static func claim(otherMethods: Int) -> String {
        """
        Wu, Nguyen & Ong (BlackboxNLP 2020) claim that the self-attention weights of a Transformer trained for \
        sentiment encode semantics: tracing the attention layer by layer back to the input words (Layer-wise \
        Attention Tracing, LAT), the words that receive the most attention are the emotionally loaded ones, \
        far from neutral in human valence ratings. This site retrains the models, traces every test sentence \
        with LAT and \(Formatting.spelledOut(otherMethods)) other attribution methods, and tests the claim \
        against the Warriner et al. (2013) norms and VADER with effect sizes, bootstrap confidence intervals, multiple-comparison corrections and \
        random and word-frequency baselines. Whatever the result, it is reported as measured.
        """
    }

    static func build(title: String, results: [CorpusResults], footer: String) -> SiteContent {
        let methodIDs = results.first?.records.first?.attributions.keys.sorted() ?? []
        var methods = methodIDs.map { MethodCatalogue.info($0.rawValue) }
        let known = Set(methods.map(\.id))
        let baselineIDs = Set(results.flatMap { $0.report.entries.filter(\.isBaseline).map(\.method) })
        for id in baselineIDs.sorted() where !known.contains(id) {
            methods.append(MethodCatalogue.info(id))
        }
        if results.contains(where: { $0.faithfulness != nil }) && !known.contains(MethodID.random.rawValue) {
            methods.append(MethodCatalogue.info(MethodID.random.rawValue))
        }
        let models = results.map { r in
            ModelSummary(name: r.corpus.modelName, task: r.corpus.id, metrics: modelMetrics(r.metrics))
        }
        var keyRows: [StatisticRow] = []
        for r in results {
            for entry in r.report.entries where entry.layer == nil {
                guard let primary = entry.targets.first, let rho = primary.spearman else { continue }
                keyRows.append(StatisticRow(methodID: entry.method,
                                            statistic: "\(r.corpus.id): Spearman ρ with |V − 5|", estimate: rho.estimate,
                                            lower: rho.interval?.lower, upper: rho.interval?.upper,
                                            pValue: rho.adjusted?.holm ?? rho.pValue, n: rho.n))
            }
        }
        let corpora = linkModels(results.map(CorpusPageBuilder.content), settings: results.map(\.corpus))
        var content = SiteContent(title: title, claim: claim(otherMethods: methodIDs.count - 1), models: models, methods: methods, keyStatistics: keyRows,
                                  corpora: corpora, words: WordPagesBuilder.words(results, keeping: WordPagesBuilder.linkedWords(corpora)),
                                  downloads: DownloadsBuilder.downloads(results), footer: footer)
        content.bootstrapResamples = results.first?.report.options.bootstrapResamples
        content.faithfulness = results.flatMap { faithfulnessRows($0, inputOnly: true) }
        content.modelComparisons = modelComparisons(results)
        return content
    }

    static func modelMetrics(_ metrics: [String: EvaluationResult]) -> [Metric] {
        var out: [Metric] = []
        for split in ["test", "dev"] {
            guard let m = metrics[split] else { continue }
            if let a = m.accuracy { out.append(Metric(label: "\(split) accuracy", value: a)) }
            if let f = m.macroF1 { out.append(Metric(label: "\(split) macro-F1", value: f)) }
            if let r = m.pearson { out.append(Metric(label: "\(split) Pearson r", value: r)) }
            if let c = m.concordance { out.append(Metric(label: "\(split) CCC", value: c)) }
            if let e = m.rootMeanSquaredError { out.append(Metric(label: "\(split) RMSE", value: e)) }
        }
        return out
    }
}
