// NarrativeStage: the build's train and trace work for a narrative corpus (task emobank-narrative).
import Core
import Foundation

extension BuildContext {
    /// The narratives of a narrative corpus: EmoBank's documents, cut at the corpus's `max_windows`.
    func narrativeSequences(_ corpus: CorpusSettings) throws -> [NarrativeSequence] {
        try NarrativeData.emobank(store, maxWindows: (corpus.narrative ?? NarrativeSettings()).maxWindows)
    }

    /// The corpus's trained narrative model, from memory or its checkpoint.
    mutating func narrativeModel(_ corpus: CorpusSettings) throws -> TrainedNarrative {
        if let cached = narratives[corpus.id] { return cached }
        let trained = try NarrativeCheckpoint.load(from: try modelFolder(corpus))
        narratives[corpus.id] = trained
        return trained
    }
}

enum NarrativeStage {
    /// Trains the corpus's narrative model (and its sentence-level baseline) into `folder`.
    static func train(_ corpus: CorpusSettings, into folder: URL, context: inout BuildContext) throws {
        setBLASThreads(1)
        let trained = try NarrativeTraining.train(corpus, sequences: try context.narrativeSequences(corpus),
                                                  seed: context.configuration.seed, threads: context.threads,
                                                  output: context.output)
        try NarrativeCheckpoint.save(trained, task: corpus.task, to: folder)
        context.narratives[corpus.id] = trained
        for line in NarrativeTraining.summary(trained.report) { context.output.write("  \(corpus.id) test, \(line)\n") }
    }

    /// The narratives traced: those of the corpus's split, the first `max_examples` of them when set.
    static func tracedSequences(_ corpus: CorpusSettings, from sequences: [NarrativeSequence]) -> [NarrativeSequence] {
        let split = DataSplit(rawValue: corpus.split) ?? .test
        let all = sequences.filter { $0.split == split }
        return corpus.maxExamples.map { Array(all.prefix($0)) } ?? all
    }

    /// One trace record per window of the traced narratives (see `NarrativeTracing`).
    static func trace(_ corpus: CorpusSettings, context: inout BuildContext, progress: ProgressMeter) throws -> [TraceRecord] {
        let trained = try context.narrativeModel(corpus)
        let sequences = tracedSequences(corpus, from: try context.narrativeSequences(corpus))
        progress.addToTotal(sequences.count)
        setBLASThreads(1)
        return Tracer(model: TraceableNarrativeModel(model: trained.model, vocabulary: trained.vocabulary),
                      options: .attentionOnly(threads: context.threads)).trace(sequences) { progress.advance(by: $0) }
    }

    /// The Narratives section of the site for one narrative corpus.
    static func content(_ corpus: CorpusSettings, context: inout BuildContext) throws -> NarrativeCorpusContent {
        let metrics = try NarrativeCheckpoint.loadMetrics(from: try context.modelFolder(corpus))
        let results = CorpusResults(corpus: corpus, dataset: try context.dataset(corpus), metrics: [:],
                                    records: try context.records(corpus), report: try context.report(corpus))
        return NarrativeContentBuilder.build(results, metrics: metrics,
                                             sequences: tracedSequences(corpus, from: try context.narrativeSequences(corpus)))
    }

    /// The section's data files on the Data page (written by `writeData`).
    static func downloads(_ id: String) -> [DownloadFile] {
        [DownloadFile(path: "data/\(id)-narrative-metrics.json", title: "\(id): narrative metrics",
                      description: "Test CCC per narrative and pooled, Pearson r and RMSE of the narrative model and of every baseline, and the training record (without its wall-clock time).",
                      format: "JSON"),
         DownloadFile(path: "data/\(id)-statistics.csv", title: "\(id): statistics table",
                      description: "The Narratives page's lexicon statistics table as CSV.", format: "CSV"),
         DownloadFile(path: "data/\(id)-traces.zip", title: "\(id): traces",
                      description: "One JSON line per traced window: tokens, gold and predicted valence, every attention method's scores, rounded to 3 significant digits (zip).",
                      format: "JSON Lines (zip)")]
    }

    /// Writes the files `downloads` lists for each narrative corpus of the build.
    static func writeData(_ content: SiteContent, context: inout BuildContext, to writer: SiteWriter) throws {
        for corpus in context.configuration.corpora where corpus.task.isNarrative {
            var metrics = try NarrativeCheckpoint.loadMetrics(from: try context.modelFolder(corpus))
            metrics.report.history.elapsed = 0 // wall-clock time: left out so that the same build gives the same bytes
            try writer.write(try NarrativeCheckpoint.encoder().encode(metrics), to: "data/\(corpus.id)-narrative-metrics.json")
            let rows = content.narratives.first { $0.id == corpus.id }?.statistics ?? []
            try writer.write(DataFiles.csv(rows), to: "data/\(corpus.id)-statistics.csv")
            try writer.write(try DataFiles.zippedTraces(try context.records(corpus), name: "\(corpus.id)-traces.jsonl"),
                             to: "data/\(corpus.id)-traces.zip")
        }
    }
}
