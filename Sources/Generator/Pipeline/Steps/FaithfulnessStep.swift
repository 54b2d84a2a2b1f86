// FaithfulnessStep: ERASER faithfulness (and SST plausibility) for every method × layer of every corpus; JSON in the cache.
import Core
import Foundation

/// Its own step, between `trace` and `validate`, rather than part of either: it needs the trained model and
/// the traces but nothing of the lexicon statistics, and it costs tens of thousands of forward passes, so it
/// gets its own cache key (`--force faithfulness` redoes it alone; a change to the lexicon settings does not).
/// It covers the corpora whose model `isJudgedForFaithfulness`.
struct FaithfulnessStep: CorpusArtifactStep {
    var name: String { "faithfulness" }

    func models(_ context: BuildContext) -> [any CorpusModel] {
        context.corpusModels.filter(\.isJudgedForFaithfulness)
    }

    func artifact(_ run: CorpusRun, _ context: BuildContext) throws -> URL { try context.faithfulnessFile(run) }

    func key(_ run: CorpusRun, _ context: BuildContext) throws -> CacheKey { try context.faithfulnessKey(run) }

    /// The per-example evaluations are cached beside the summary (under a key without the statistics settings),
    /// so a change to the summary re-reads them instead of re-running the model; `--force faithfulness` redoes both.
    func make(_ model: any CorpusModel, artifact: URL, context: inout BuildContext, progress: ProgressMeter) throws {
        let run = model.run, corpus = run.corpus
        let start = Date()
        let examplesFile = try context.faithfulnessExamplesFile(run)
        let examples: [ExampleEvaluation]
        let isCached = FileManager.default.fileExists(atPath: examplesFile.path) && !context.isForced(name)
        let shards = isCached || context.isForced(name)
            ? nil : try ShardFiles.completeSet(examplesFile, what: "faithfulness of \(run.name)")
        if let shards {
            let records = try context.records(run)
            let judged = records.indices.filter { FaithfulnessEvaluation.isJudged(records[$0]) }
            examples = try FaithfulnessShardFile.merge(shards, judged: judged)
            try JSONEncoder().encode(examples).write(to: examplesFile, options: .atomic)
            for shard in shards { try? FileManager.default.removeItem(at: shard) }
        } else if context.mergesShards && !isCached {
            throw ShardFiles.noShard(examplesFile, what: "faithfulness of \(run.name)")
        } else if isCached {
            examples = try BuildContext.decodeArtifact([ExampleEvaluation].self, at: examplesFile,
                                                       what: "faithfulness evaluations", step: name)
        } else {
            let records = try context.records(run).enumerated().map { IndexedRecord($0, $1) }
            examples = try model.faithfulnessEvaluations(from: try context.modelFolder(run), records: records,
                                                         context: &context, progress: progress).map(\.evaluation)
            try JSONEncoder().encode(examples).write(to: examplesFile, options: .atomic)  // compact: tens of MB pretty-printed
        }
        let summary = FaithfulnessSummary.summarise(examples, bins: FaithfulnessBins(),
                                                    isRegression: corpus.task.isRegression,
                                                    resamples: context.configuration.validation.bootstrapResamples,
                                                    seed: run.seed)
        try ModelCheckpoint.encoder().encode(summary).write(to: artifact, options: .atomic)
        context.faithfulness[run.stem] = summary
        let seconds = Date().timeIntervalSince(start)
        context.output.write(String(format: "  %@: %d examples, %d keys, %d sequences scored%@ in %.1fs (%.1f examples/s)\n",
                                    run.name, summary.examples,
                                    summary.figures[.comprehensiveness]?.count ?? 0, summary.sequencesScored,
                                    shards.map { " (from \($0.count) shards), summarised" } ?? (isCached ? " (cached), summarised" : ""), seconds,
                                    Double(summary.examples) / max(seconds, 1e-9)))
    }
}
