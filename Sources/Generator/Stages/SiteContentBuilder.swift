// SiteContentBuilder: trained models, traces and validation reports → the plain values the site renders.
import Core
import Foundation

/// Everything the site is made from, per corpus.
struct CorpusResults {
    var corpus: CorpusSettings
    var dataset: TaskDataset
    var metrics: [String: EvaluationResult]
    var records: [TraceRecord]
    var report: ValidationReport
    /// ERASER faithfulness and (SST) plausibility per method × layer; nil when not computed.
    var faithfulness: FaithfulnessSummary? = nil
}

enum SiteContentBuilder {
    static let claim = """
        Wu, Nguyen & Ong (BlackboxNLP 2020) claim that the self-attention weights of a Transformer trained for \
        sentiment encode semantics: tracing the attention layer by layer back to the input words (Layer-wise \
        Attention Tracing, LAT), the words that receive the most attention are the emotionally loaded ones, \
        far from neutral in human valence ratings. This site retrains the models, traces every test sentence \
        with LAT and eight other attribution methods, and tests the claim against the Warriner et al. (2013) \
        norms and VADER with effect sizes, bootstrap confidence intervals, multiple-comparison corrections and \
        random and word-frequency baselines. Whatever the result, it is reported as measured.
        """

    static let methodSummaries: [MethodID: (String, String)] = [
        .lat: ("LAT (paper)", "Context attention traced down each head's chain of attention matrices, summed over heads at the input."),
        .latMean: ("LAT, heads averaged", "LAT with the heads of each layer averaged before tracing."),
        .rollout: ("Attention rollout", "Head-averaged attention plus the residual path (0.5·A + 0.5·I), multiplied through the layers from α."),
        .attentionFlow: ("Attention flow", "Maximum flow from the pooled output to each input word through the residual-corrected attention graph."),
        .context: ("Context attention", "The pooling attention α over the last layer alone."),
        .rawAttention: ("Raw attention", "Attention each token receives in a layer, averaged over heads and query positions."),
        .gradientSensitivity: ("Gradient sensitivity", "Norm of the explained output's gradient with respect to each word's embedding."),
        .gradientTimesInput: ("Gradient × input", "Gradient dotted with the embedding: a signed first-order contribution."),
        .integratedGradients: ("Integrated gradients", "Gradients along the straight path from a zero baseline, times the input (Gauss–Legendre quadrature)."),
        .random: ("Random", "Scores shuffled across occurrences: the baseline every method must beat."),
    ]

    static let baselineSummaries: [String: String] = [
        "random-baseline": "The first method's scores shuffled across all occurrences (seeded): what chance alone gives. Every method must beat it.",
        "frequency-baseline": "A word's number of occurrences as its score: whether attention says more than \"frequent words are emotional\".",
    ]

    static func methodName(_ id: String) -> String {
        if let name = MethodID(rawValue: id).flatMap({ methodSummaries[$0]?.0 }) { return name }
        switch id {
        case "random-baseline": return "Random baseline"
        case "frequency-baseline": return "Word-frequency baseline"
        default: return id
        }
    }

    static func layerLabel(_ layer: Int?, method: String, depth: Int) -> String {
        guard let layer else { return "" }
        if layer == 0 { return "input" }
        if method == MethodID.rawAttention.rawValue && layer == depth - 1 { return "context" }
        return "layer \(layer)"
    }

    static func build(title: String, results: [CorpusResults], footer: String) -> SiteContent {
        let methodIDs = results.first?.records.first?.attributions.keys.sorted() ?? []
        var methods = methodIDs.map { id in
            MethodInfo(id: id.rawValue, name: methodSummaries[id]?.0 ?? id.rawValue, summary: methodSummaries[id]?.1 ?? "")
        }
        let known = Set(methods.map(\.id))
        let baselineIDs = Set(results.flatMap { $0.report.entries.filter(\.isBaseline).map(\.method) })
        for id in baselineIDs.sorted() where !known.contains(id) {
            methods.append(MethodInfo(id: id, name: methodName(id), summary: baselineSummaries[id] ?? "A baseline."))
        }
        if results.contains(where: { $0.faithfulness != nil }) && !known.contains(MethodID.random.rawValue) {
            methods.append(randomAttributionInfo)
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
        let corpora = linkModels(results.map(corpusContent), settings: results.map(\.corpus))
        var content = SiteContent(title: title, claim: claim, models: models, methods: methods, keyStatistics: keyRows,
                                  corpora: corpora, words: words(results, keeping: linkedWords(corpora)),
                                  downloads: downloads(results), footer: footer)
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

    // MARK: Corpus pages

    static func corpusContent(_ r: CorpusResults) -> CorpusContent {
        let depthByMethod = Dictionary(r.report.entries.compactMap { e in e.layer.map { (e.method, $0 + 1) } },
                                       uniquingKeysWith: max)
        var rows: [StatisticRow] = []
        for entry in r.report.entries {
            let layer = layerLabel(entry.layer, method: entry.method, depth: depthByMethod[entry.method] ?? 0)
            for target in entry.targets {
                let what = targetLabel(target.target)
                if let rho = target.spearman {
                    rows.append(StatisticRow(methodID: entry.method, layer: layer, statistic: "Spearman ρ, \(what)",
                                             estimate: rho.estimate, lower: rho.interval?.lower, upper: rho.interval?.upper,
                                             pValue: rho.adjusted?.holm ?? rho.pValue, n: rho.n))
                }
                if let q = target.quadratic, let b2 = q.orthogonal.coefficients.last {
                    rows.append(StatisticRow(methodID: entry.method, layer: layer,
                                             statistic: "quadratic term t (poly), \(target.target.lexicon) valence",
                                             estimate: b2.t, pValue: q.quadraticVersusLinear.adjusted?.holm ?? b2.pValue,
                                             n: q.orthogonal.n))
                }
                if let top = target.topK.first(where: { $0.k == 100 }) ?? target.topK.first, let d = top.cohenD {
                    rows.append(StatisticRow(methodID: entry.method, layer: layer,
                                             statistic: "Cohen's d, top \(top.k) vs rest, \(what)",
                                             estimate: d.estimate, lower: d.interval?.lower, upper: d.interval?.upper,
                                             pValue: top.welch.map { $0.adjusted?.holm ?? $0.pValue }, n: d.n1 + d.n2))
                }
            }
        }
        // Per-layer series of the primary Spearman for the layered methods.
        var lines: [LayerSeries.Line] = []
        let maxDepth = depthByMethod.values.max() ?? 1
        for (method, depth) in depthByMethod.sorted(by: { $0.key < $1.key }) {
            var values = [Double?](repeating: nil, count: maxDepth)
            for entry in r.report.entries where entry.method == method {
                guard let layer = entry.layer, layer < depth else { continue }
                values[layer] = entry.targets.first?.spearman?.estimate
            }
            lines.append(LayerSeries.Line(methodID: method, values: values))
        }
        let labels = (0..<maxDepth).map { $0 == 0 ? "input" : "\($0)" }
        let series = lines.isEmpty ? [] : [LayerSeries(statistic: "Spearman ρ with |V − 5| (Warriner), by layer",
                                                       layerLabels: labels, lines: lines)]
        let latEntry = r.report.entries.first { $0.method == MethodID.lat.rawValue && $0.layer == nil }
        let scatter = scatterContent(latEntry, corpusID: r.corpus.id)
        let topWords = r.report.entries.filter { $0.layer == nil }.map { entry in
            TopWordList(methodID: entry.method, words: entry.topWords.prefix(25).map {
                TopWord(word: $0.word, score: $0.meanScore, valence: $0.ratings["warriner.valence.intensity"])
            })
        }
        let rationales = Dictionary(r.dataset.split(r.corpus.split).map { ($0.id, $0.rationale) }, uniquingKeysWith: { a, _ in a })
        let examples = r.records.map { record in
            var example = exampleContent(record, dataset: r.dataset)
            example.rationale = (rationales[record.id] ?? nil).map { Array($0.prefix(record.tokens.count)) }
            return example
        }
        var content = CorpusContent(id: r.corpus.id, name: r.corpus.modelName, description: corpusDescription(r),
                                    metrics: modelMetrics(r.metrics), statistics: rows + faithfulnessStatistics(r),
                                    layerSeries: series + faithfulnessSeries(r), scatter: scatter,
                                    topWords: topWords, examples: examples)
        content.faithfulness = faithfulnessRows(r, inputOnly: false)
        content.methodComparisons = methodComparisons(r)
        return content
    }

    static func targetLabel(_ t: ValidationTarget) -> String {
        let lexicon = t.lexicon == "warriner" ? "Warriner" : t.lexicon == "vader" ? "VADER" : t.lexicon
        return t.measure == .intensity ? "\(lexicon) |\(t.dimension.rawValue) − neutral|" : "\(lexicon) \(t.dimension.rawValue)"
    }

    static func corpusDescription(_ r: CorpusResults) -> String {
        let split = r.corpus.split
        let count = r.records.count
        switch r.corpus.task {
        case .sst5 where r.corpus.model.load != nil, .sst2 where r.corpus.model.load != nil:
            return "Stanford Sentiment Treebank, \(split) split: \(count) sentences traced through the frozen pretrained "
                + "encoder of \(r.corpus.model.load ?? "") with an attention-pooling head trained on the training sentences; "
                + "word-piece scores are summed per word. Its examples share pages with the other models of these sentences."
        case .sst5, .sst2:
            return "Stanford Sentiment Treebank, \(split) split: \(count) sentences traced. The model was trained "
                + (r.corpus.training.phrases ? "on every distinct labelled phrase of the training trees" : "on the training sentences")
                + "; accuracy is measured on whole sentences."
        case .emobankValence, .emobankNarrative:
            return "EmoBank, \(split) split: \(count) sentences with annotator valence ratings (1–5), traced through "
                + "a valence regression model (the stand-in for the paper's SEND narratives)."
        }
    }

    static func scatterContent(_ entry: MethodLayerValidation?, corpusID: String) -> ScatterContent {
        let target = entry?.targets.first { $0.quadratic != nil }
        let points = (entry?.scatter ?? []).map {
            ScatterPoint(word: $0.word, valence: $0.valence, score: $0.meanScore, occurrences: $0.n)
        }
        var fit = QuadraticFit(b0: 0, b1: 0, b2: 0, rSquared: 0)
        var comparison: [ComparisonRow] = []
        if let q = target?.quadratic {
            let c = q.quadratic.coefficients.map(\.estimate)
            if c.count == 3 { fit = QuadraticFit(b0: c[0], b1: c[1], b2: c[2], rSquared: q.quadratic.rSquared) }
            let poly = q.orthogonal.coefficients
            let published = corpusID.hasPrefix("sst") ? ("2,338", "−9.71", "7.24", "0.059") : ("665 (SEND)", "−2.60", "6.03", "0.061")
            comparison = [
                ComparisonRow(label: "word types (seen more than once)", ours: "\(q.orthogonal.n)", published: published.0),
                ComparisonRow(label: "linear term t", ours: String(format: "%.2f", poly.count > 1 ? poly[1].t : .nan), published: published.1),
                ComparisonRow(label: "quadratic term t", ours: String(format: "%.2f", poly.count > 2 ? poly[2].t : .nan), published: published.2),
                ComparisonRow(label: "R²", ours: String(format: "%.3f", q.orthogonal.rSquared), published: published.3),
            ]
        }
        return ScatterContent(methodID: MethodID.lat.rawValue, lexicon: "Warriner valence (1–9)", points: points,
                              fit: fit, comparison: comparison)
    }

    static func exampleContent(_ record: TraceRecord, dataset: TaskDataset) -> ExampleContent {
        let traces = record.attributions.keys.sorted().map { id -> MethodTrace in
            let a = record.attributions[id]!
            let layers = a.layers ?? [a.scores]
            return MethodTrace(methodID: id.rawValue, layers: layers.map { $0.map(Double.init) })
        }
        return ExampleContent(id: record.id, tokens: record.tokens, trueLabel: describe(record.label, dataset),
                              predictedLabel: describe(record.prediction, dataset), traces: traces,
                              completenessError: record.integratedGradientsError?.relative,
                              isTruncated: record.isTruncated, connections: record.connections ?? [])
    }

    static func describe(_ target: TraceTarget, _ dataset: TaskDataset) -> String {
        switch target {
        case .classIndex(let c): dataset.describe(.classIndex(c))
        case .value(let v): String(format: "%.2f", v)
        }
    }

    // MARK: Word pages

    /// The words the site links to: every corpus's top-attended words of every method (the corpus pages' bar lists).
    static func linkedWords(_ corpora: [CorpusContent]) -> Set<String> {
        Set(corpora.flatMap { $0.topWords.flatMap { $0.words.map(\.word) } })
    }

    /// Pages for the word types in `keeping` that are joined to Warriner: only the linked words get a page, because
    /// a page nothing links to is never read and ~2,700 of them cost 10 MB of the site's 60 MB budget.
    /// Occurrences list a sentence once even when several models traced it (same example id and context).
    static func words(_ results: [CorpusResults], keeping: Set<String>) -> [WordContent] {
        var byWord: [String: (occurrences: [Occurrence], scores: [String: [Double]], ratings: [String: Double], corpus: String?)] = [:]
        for r in results {
            guard let lat = r.report.entries.first(where: { $0.method == MethodID.lat.rawValue && $0.layer == nil }) else { continue }
            let rated = Dictionary(lat.scatter.map { ($0.word, $0.valence) }, uniquingKeysWith: { a, _ in a })
            for record in r.records {
                for (i, token) in record.tokens.enumerated() {
                    let word = token.lowercased()
                    guard keeping.contains(word), let valence = rated[word] else { continue }
                    var item = byWord[word] ?? ([], [:], [:], nil)
                    item.ratings["Warriner valence (1–9)"] = valence
                    let occurrence = Occurrence(
                        corpusID: r.corpus.id, exampleID: record.id,
                        before: record.tokens[max(0, i - 6)..<i].joined(separator: " "), word: token,
                        after: record.tokens[(i + 1)..<min(record.tokens.count, i + 7)].joined(separator: " "))
                    let isRepeat = item.occurrences.contains {
                        $0.exampleID == occurrence.exampleID && $0.before == occurrence.before && $0.after == occurrence.after
                    }
                    if item.occurrences.count < 8 && !isRepeat { item.occurrences.append(occurrence) }
                    // Mean scores come from the first corpus the word occurs in (SST before EmoBank), so that each
                    // row is one method of one model; the occurrences list shows every corpus.
                    if item.corpus == nil || item.corpus == r.corpus.id {
                        item.corpus = r.corpus.id
                        for (method, attribution) in record.attributions {
                            item.scores[method.rawValue, default: []].append(Double(attribution.scores[i]))
                        }
                    }
                    byWord[word] = item
                }
            }
        }
        return byWord.keys.sorted().map { word in
            let item = byWord[word]!
            let means = item.scores.keys.sorted().map { key in
                MethodScore(methodID: key, score: item.scores[key]!.reduce(0, +) / Double(item.scores[key]!.count))
            }
            return WordContent(word: word, occurrences: item.occurrences, meanScores: means,
                               ratings: item.ratings.keys.sorted().map { LexiconRating(name: $0, value: item.ratings[$0]!) })
        }
    }

    // MARK: Downloads

    static func downloads(_ results: [CorpusResults]) -> [DownloadFile] {
        results.flatMap { r in
            [
                DownloadFile(path: SitePaths().statisticsArchive(r.corpus.id), title: "\(r.corpus.id): validation statistics",
                             description: "Every method × layer × statistic with intervals, p-values, join counts and the per-word scatter (word means rounded to 3 significant digits; zip).",
                             format: "JSON (zip)"),
                DownloadFile(path: SitePaths().statisticsTable(r.corpus.id), title: "\(r.corpus.id): statistics table",
                             description: "The corpus page's statistics table as CSV, then the pairwise method comparisons (mean differences).",
                             format: "CSV"),
                DownloadFile(path: SitePaths().tracesArchive(r.corpus.id), title: "\(r.corpus.id): traces",
                             description: "One JSON line per example: tokens, label, prediction, every method's scores at every layer and the LAT connection edges, rounded to 3 significant digits (zip; `atlas trace` writes full precision).",
                             format: "JSON Lines (zip)"),
            ] + (r.faithfulness == nil ? [] : [faithfulnessDownload(r.corpus.id)])
        } + [DownloadFile(path: SitePaths().modelMetrics, title: "Model metrics",
                          description: "Accuracy, macro-F1, Pearson r, CCC and RMSE per split, and the training record.",
                          format: "JSON")]
    }
}
