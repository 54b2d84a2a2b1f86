// NarrativeContentBuilder: narrative results (report, traces, validation) → the Narratives section's content.
import Core

enum NarrativeContentBuilder {
    static func build(_ r: CorpusResults, metrics: NarrativeCheckpoint.Metrics,
                      sequences: [NarrativeSequence]) -> NarrativeCorpusContent {
        let report = metrics.report
        // The statistics table and per-layer series are the corpus pages' own, computed the same way.
        let corpus = CorpusPageBuilder.content(r)
        let records = Dictionary(r.records.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sequenceCCC = Dictionary(zip(report.testNarratives, report.model.sequenceConcordances),
                                     uniquingKeysWith: { a, _ in a })
        let narratives = sequences.map { sequence in
            NarrativeContent(
                id: sequence.id, genre: sequence.genre,
                concordance: sequenceCCC[sequence.id].flatMap { $0.isFinite ? $0 : nil },
                windows: sequence.windows.map { window in
                    let record = records[window.id]
                    var predicted: Double?
                    if case .value(let v) = record?.prediction { predicted = v }
                    return NarrativeWindowContent(id: window.id, tokens: record?.tokens ?? window.tokens, gold: window.valence,
                                                  predicted: predicted,
                                                  scores: record?.attributions[.lat]?.scores.map(Double.init))
                })
        }
        func row(_ name: String, _ e: NarrativeEvaluation) -> NarrativeScoreRow {
            NarrativeScoreRow(name: name, concordance: e.concordance, meanSequenceConcordance: e.meanSequenceConcordance,
                              pearson: e.pearson, rootMeanSquaredError: e.rootMeanSquaredError)
        }
        var comparison = [row("Narrative model (encoder + LSTM)", report.model)]
        if let sentence = report.sentenceModel { comparison.append(row("Sentence-level model, window by window", sentence)) }
        comparison.append(row("Genre mean of the training ratings, per document", report.genreMean))
        comparison.append(row("Training mean (constant)", report.trainingMean))
        let m = report.model
        let windows = report.windowCounts["test"] ?? m.windows
        return NarrativeCorpusContent(
            id: r.corpus.id, name: r.corpus.task.displayName,
            description: "EmoBank's sentences grouped into their documents (fiction, letters, blogs, essays, news, "
                + "travel guides) and read in order, one sentence per window; documents, not sentences, are split "
                + "80/10/10. The model encodes each window with the sentence encoder and its context attention, runs an "
                + "LSTM over the windows and predicts each window's valence (1–5). Test: "
                + "\(report.sequenceCounts["test"] ?? 0) narratives, \(windows) windows; "
                + "\(r.records.count) windows traced with LAT from each window's context attention down to its words.",
            metrics: [Metric(label: "test CCC", value: m.concordance),
                      Metric(label: "mean CCC per narrative", value: m.meanSequenceConcordance),
                      Metric(label: "test Pearson r", value: m.pearson),
                      Metric(label: "test RMSE", value: m.rootMeanSquaredError),
                      Metric(label: "test narratives", value: Double(report.sequenceCounts["test"] ?? 0), digits: 0),
                      Metric(label: "test windows", value: Double(windows), digits: 0)],
            comparison: comparison, statistics: corpus.statistics, layerSeries: corpus.layerSeries,
            narratives: narratives, seeds: corpus.seeds, agreement: corpus.agreement)
    }
}

extension SiteContent {
    /// Adds a narrative corpus to the site, and to the Methods page every method or baseline its statistics name
    /// that no sentence corpus brought (a site may have narratives only).
    mutating func addNarratives(_ section: NarrativeCorpusContent) {
        narratives.append(section)
        downloads += NarrativeCorpusModel.downloads(section.id)
        models.append(ModelSummary(name: section.name, task: section.id, metrics: Array(section.metrics.prefix(4))))
        // The home table's row per method: the primary Spearman over all layers, as the corpora's.
        let primary = "Spearman ρ, " + CorpusPageBuilder.targetLabel(ValidationTarget.defaults(primary: "warriner", secondary: "vader")[0])
        for row in section.statistics where row.layer.isEmpty && row.statistic == primary {
            var key = row
            key.statistic = "\(section.id): Spearman ρ with |V − 5|"
            keyStatistics.append(key)
        }
        var known = Set(methods.map(\.id))
        for id in section.statistics.map(\.methodID) where known.insert(id).inserted {
            methods.append(MethodCatalogue.info(id))
        }
    }
}
