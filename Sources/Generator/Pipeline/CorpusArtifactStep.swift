// CorpusArtifactStep: the train, trace, faithfulness and validate steps — one cached artifact per corpus, one loop.
import Core
import Foundation

/// A step that makes one artifact per run (corpus × seed: a checkpoint, a trace file, a report) in the cache. The
/// loop is written once, here: for each run the step covers, an artifact that exists is reused unless the step is
/// forced; otherwise its folder is created and `make` computes, writes and records it. The step is unchanged
/// (skipped by the runner) when every artifact exists under the key of its inputs.
protocol CorpusArtifactStep: Step where Context == BuildContext {
    /// The runs the step covers (default: every run of the build).
    func models(_ context: BuildContext) -> [any CorpusModel]
    /// The file whose presence marks a run's artifact complete (its path holds the key).
    func artifact(_ run: CorpusRun, _ context: BuildContext) throws -> URL
    /// The identity of a run's inputs.
    func key(_ run: CorpusRun, _ context: BuildContext) throws -> CacheKey
    /// Computes the artifact, writes it to `artifact` (whose folder exists) and keeps it in `context`.
    func make(_ model: any CorpusModel, artifact: URL, context: inout BuildContext, progress: ProgressMeter) throws
    /// Called instead of `make` when the artifact is current (default: nothing).
    func reuse(_ model: any CorpusModel, artifact: URL, context: inout BuildContext)
}

extension CorpusArtifactStep {
    func models(_ context: BuildContext) -> [any CorpusModel] { context.corpusModels }

    func reuse(_ model: any CorpusModel, artifact: URL, context: inout BuildContext) {}

    func cacheKey(_ context: BuildContext) throws -> CacheKey? {
        try context.artifactsKey(file: { try artifact($0, context) }, key: { try key($0, context) },
                                 runs: models(context).map(\.run))
    }

    func run(_ context: inout BuildContext, progress: ProgressMeter) throws {
        for (model, file) in try pending(&context) {
            try make(model, artifact: file, context: &context, progress: progress)
        }
    }

    /// The runs whose artifact must be made, with its file (whose folder now exists); the others are reused.
    func pending(_ context: inout BuildContext) throws -> [(model: any CorpusModel, artifact: URL)] {
        let isForced = context.isForced(name)
        var pending: [(model: any CorpusModel, artifact: URL)] = []
        for model in models(context) {
            let file = try artifact(model.run, context)
            if FileManager.default.fileExists(atPath: file.path) && !isForced {
                reuse(model, artifact: file, context: &context)
                continue
            }
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            pending.append((model, file))
        }
        return pending
    }
}
