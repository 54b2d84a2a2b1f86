// NarrativeCorpusModel: a narrative corpus (task emobank-narrative) — the window encoder + LSTM over EmoBank's documents.
import Core
import Foundation

/// Traced with the attention methods only (one pass per window), shown on the Narratives page, and not judged
/// for faithfulness (deleting words from one window would need the whole narrative re-run per key).
struct NarrativeCorpusModel: CorpusModel {
    var run: CorpusRun
    /// Where the narratives come from: EmoBank's documents (the build), or a SEND-format folder (`atlas train --send`).
    var source: Source = .emobank

    enum Source: Sendable {
        case emobank
        case send(URL, windowSeconds: Double)
    }

    /// Every narrative of the source, at most `maxWindows` windows each.
    func sequences(_ context: BuildContext, maxWindows: Int) throws -> [NarrativeSequence] {
        switch source {
        case .emobank: return try NarrativeData.emobank(context.store, maxWindows: maxWindows)
        case .send(let folder, let seconds):
            return try NarrativeData.send(folder, windowSeconds: seconds, maxWindows: maxWindows)
        }
    }

    /// The narratives traced: those of the corpus's split, the first `max_examples` of them when set.
    func tracedSequences(_ context: BuildContext, maxWindows: Int) throws -> [NarrativeSequence] {
        let split = DataSplit(rawValue: corpus.split) ?? .test
        let all = try sequences(context, maxWindows: maxWindows).filter { $0.split == split }
        return corpus.maxExamples.map { Array(all.prefix($0)) } ?? all
    }

    /// The narrative model and its sentence-level baseline.
    func train(into folder: URL, context: inout BuildContext) throws {
        setBLASThreads(1)
        let maxWindows = (corpus.narrative ?? NarrativeSettings()).maxWindows
        let trained = try NarrativeTraining.train(corpus, sequences: try sequences(context, maxWindows: maxWindows),
                                                  seed: run.seed, threads: context.threads,
                                                  output: context.output)
        try NarrativeCheckpoint.save(trained, task: corpus.task, to: folder)
        context.narratives[run.stem] = trained
        for line in NarrativeTraining.summary(trained.report) { context.output.write("  \(corpus.id) test, \(line)\n") }
    }

    /// One trace record per window of the traced narratives (see `TraceableNarrativeModel`).
    func trace(from folder: URL, context: inout BuildContext, shard: Shard, progress: ProgressMeter) throws
        -> ShardTrace {
        let trained = try context.narrativeModel(run, from: folder)
        let sequences = try tracedSequences(context, maxWindows: trained.model.configuration.maxWindows)
        setBLASThreads(1)
        return Tracer(model: TraceableNarrativeModel(model: trained.model, vocabulary: trained.vocabulary),
                      options: .attentionOnly(threads: context.threads)).trace(sequences, shard: shard, progress: progress)
    }

    /// The narrative model's pooled test CCC and Pearson r.
    func testMetrics(from folder: URL) throws -> [Metric] {
        let model = try NarrativeCheckpoint.loadMetrics(from: folder).report.model
        return [Metric(label: "test CCC", value: model.concordance), Metric(label: "test Pearson r", value: model.pearson)]
    }

    /// The corpus's section of the Narratives page.
    func siteSection(from folder: URL, context: inout BuildContext) throws -> SiteSection {
        let metrics = try NarrativeCheckpoint.loadMetrics(from: folder)
        let records = try context.records(run)
        var results = CorpusResults(corpus: corpus, dataset: try context.dataset(corpus), metrics: [:], records: records,
                                    report: try context.report(run),
                                    description: "EmoBank narratives, \(corpus.split) split: \(records.count) windows traced.")
        results.seeds = try context.seedSummary(corpus)
        let maxWindows = (corpus.narrative ?? NarrativeSettings()).maxWindows
        return .narratives(NarrativeContentBuilder.build(results, metrics: metrics,
                                                         sequences: try tracedSequences(context, maxWindows: maxWindows)))
    }

    /// The section's data files on the Data page (written by `writeData`).
    static func downloads(_ id: String) -> [DownloadFile] {
        [DownloadFile(path: SitePaths().narrativeMetrics(id), title: "\(id): narrative metrics",
                      description: "Test CCC per narrative and pooled, Pearson r and RMSE of the narrative model and of every baseline, and the training record (without its wall-clock time).",
                      format: "JSON"),
         DownloadFile(path: SitePaths().statisticsTable(id), title: "\(id): statistics table",
                      description: "The Narratives page's lexicon statistics table as CSV.", format: "CSV"),
         DownloadFile(path: SitePaths().tracesArchive(id), title: "\(id): traces",
                      description: "One JSON line per traced window: tokens, gold and predicted valence, every attention method's scores, rounded to 3 significant digits (zip).",
                      format: "JSON Lines (zip)")]
    }

    func writeData(_ content: SiteContent, from folder: URL, context: inout BuildContext, to writer: SiteWriter) throws {
        var metrics = try NarrativeCheckpoint.loadMetrics(from: folder)
        metrics.report.history.elapsed = 0 // wall-clock time: left out so that the same build gives the same bytes
        try writer.write(try NarrativeCheckpoint.encoder().encode(metrics), to: SitePaths().narrativeMetrics(corpus.id))
        let rows = content.narratives.first { $0.id == corpus.id }?.statistics ?? []
        try writer.write(DataFiles.csv(rows), to: SitePaths().statisticsTable(corpus.id))
        try writer.write(try DataFiles.zippedTraces(try context.records(run), name: "\(corpus.id)-traces.jsonl"),
                         to: SitePaths().tracesArchive(corpus.id))
    }
}

extension BuildContext {
    /// A narrative corpus's trained model, from memory or the checkpoint in `folder`.
    mutating func narrativeModel(_ run: CorpusRun, from folder: URL) throws -> TrainedNarrative {
        if let cached = narratives[run.stem] { return cached }
        let trained = try NarrativeCheckpoint.load(from: folder)
        narratives[run.stem] = trained
        return trained
    }
}
