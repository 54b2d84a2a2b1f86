// FaithfulnessStep: ERASER faithfulness (and SST plausibility) for every method × layer of every corpus; JSON in the cache.
import Core
import Foundation

/// Its own step, between `trace` and `validate`, rather than part of either: it needs the trained model and
/// the traces but nothing of the lexicon statistics, and it costs tens of thousands of forward passes, so it
/// gets its own cache key (`--force faithfulness` redoes it alone; a change to the lexicon settings does not).
struct FaithfulnessStep: Step {
    var name: String { "faithfulness" }

    func cacheKey(_ context: BuildContext) throws -> CacheKey? {
        try context.artifactsKey(file: context.faithfulnessFile, key: context.faithfulnessKey,
                                corpora: context.faithfulnessCorpora)
    }

    /// The per-example evaluations are cached beside the summary (under a key without the statistics settings),
    /// so a change to the summary re-reads them instead of re-running the model; `--force faithfulness` redoes both.
    func run(_ context: inout BuildContext, progress: ProgressMeter) throws {
        let isForced = context.isForced(name)
        for corpus in context.faithfulnessCorpora {
            let file = try context.faithfulnessFile(corpus)
            if FileManager.default.fileExists(atPath: file.path) && !isForced { continue }
            let start = Date()
            let examplesFile = try context.faithfulnessExamplesFile(corpus)
            let examples: [ExampleEvaluation]
            let isCached = FileManager.default.fileExists(atPath: examplesFile.path) && !isForced
            if isCached {
                examples = try BuildContext.decodeArtifact([ExampleEvaluation].self, at: examplesFile,
                                                           what: "faithfulness evaluations", step: name)
            } else {
                examples = FaithfulnessStage.evaluate(corpus, records: try context.records(corpus),
                                                      model: try context.model(corpus), dataset: try context.dataset(corpus),
                                                      seed: context.configuration.seed, threads: context.threads,
                                                      progress: progress)
                try write(examples, to: examplesFile, encoder: JSONEncoder())  // compact: tens of MB pretty-printed
            }
            let summary = FaithfulnessSummary.summarise(examples, bins: FaithfulnessBins(),
                                                        isRegression: corpus.task.isRegression,
                                                        resamples: context.configuration.validation.bootstrapResamples,
                                                        seed: context.configuration.seed)
            try write(summary, to: file, encoder: ModelCheckpoint.encoder())
            context.faithfulness[corpus.id] = summary
            let seconds = Date().timeIntervalSince(start)
            context.output.write(String(format: "  %@: %d examples, %d keys, %d sequences scored%@ in %.1fs (%.1f examples/s)\n",
                                        corpus.id, summary.examples,
                                        summary.figures[.comprehensiveness]?.count ?? 0, summary.sequencesScored,
                                        isCached ? " (cached), summarised" : "", seconds,
                                        Double(summary.examples) / max(seconds, 1e-9)))
        }
    }

    private func write<T: Encodable>(_ value: T, to file: URL, encoder: JSONEncoder) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(value).write(to: file, options: .atomic)
    }
}
