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

    func run(_ context: inout BuildContext, progress: ProgressMeter) throws {
        let isForced = context.isForced(name)
        for corpus in context.faithfulnessCorpora {
            let file = try context.faithfulnessFile(corpus)
            if FileManager.default.fileExists(atPath: file.path) && !isForced { continue }
            let start = Date()
            let summary = FaithfulnessStage.evaluate(corpus, records: try context.records(corpus),
                                                     model: try context.model(corpus), dataset: try context.dataset(corpus),
                                                     settings: context.configuration.validation,
                                                     seed: context.configuration.seed, threads: context.threads,
                                                     progress: progress)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try ModelCheckpoint.encoder().encode(summary).write(to: file, options: .atomic)
            context.faithfulness[corpus.id] = summary
            let seconds = Date().timeIntervalSince(start)
            context.output.write(String(format: "  %@: %d examples, %d keys, %d sequences scored in %.1fs (%.1f examples/s)\n",
                                        corpus.id, summary.examples,
                                        summary.figures[.comprehensiveness]?.count ?? 0, summary.sequencesScored,
                                        seconds, Double(summary.examples) / max(seconds, 1e-9)))
        }
    }
}
