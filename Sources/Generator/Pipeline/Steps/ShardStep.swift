// ShardStep: one shard's share of the trace and faithfulness work of every run, written to the cache for a merge.
import Core
import Foundation

/// The third and last step of `atlas build --shard i/N` (after data and the shard's training): for every run whose
/// trace is not yet in the cache, the shard traces the batches it owns (`Tracer.trace(_:shard:)`) and judges the
/// faithfulness of the examples it traced, each into its own shard file (`ShardFiles`). Every model must be trained
/// by then (all train shards done). A shard file already there is kept, so a re-run of a failed shard does only what
/// it had not finished; `atlas build --merge` (or any later build) puts the shards together.
struct ShardStep: Step {
    var name: String { "shard" }

    func cacheKey(_ context: BuildContext) throws -> CacheKey? { nil }

    func run(_ context: inout BuildContext, progress: ProgressMeter) throws {
        guard let shard = context.shard else { preconditionFailure("the shard step runs only in a shard's build") }
        let isForced = context.isForced(name)
        let fileManager = FileManager.default
        // Every model first: a shard started before the training finished fails at once, not after tracing some runs.
        for model in context.corpusModels {
            let folder = try context.modelFolder(model.run)
            guard fileManager.fileExists(atPath: folder.appendingPathComponent(ModelCheckpoint.weightsFile).path) else {
                throw AtlasError(source: folder.path, message: "\(model.run.name) is not trained; shard \(shard) traces every run",
                                 hint: "run every train shard first (`atlas build --shard k/M --until train` for every k), "
                                     + "then this shard again")
            }
        }
        for model in context.corpusModels {
            let run = model.run
            let folder = try context.modelFolder(run)
            let traceFile = try context.traceFile(run)
            try fileManager.createDirectory(at: traceFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            let examplesFile = model.isJudgedForFaithfulness ? try context.faithfulnessExamplesFile(run) : nil
            let needsFaithfulness = examplesFile.map { !fileManager.fileExists(atPath: $0.path) } ?? false
            var mine: [IndexedRecord]? = nil  // the records this shard judges
            if !fileManager.fileExists(atPath: traceFile.path) {
                let file = ShardFiles.file(traceFile, shard: shard)
                if fileManager.fileExists(atPath: file.path) && !isForced {
                    if needsFaithfulness { mine = try Self.indexed(TraceShardFile.read(file).inputs, file: file) }
                    context.output.write("  \(run.name): trace shard \(shard) cached\n")
                } else {
                    let start = Date()
                    let traced = try model.trace(from: folder, context: &context, shard: shard, progress: progress)
                    try TraceShardFile.write(traced, to: file)
                    if needsFaithfulness { mine = try Self.indexed(traced.inputs, file: file) }
                    context.output.write("  \(run.name): trace shard \(shard), \(traced.inputs.count) of \(traced.total) inputs in "
                                         + "\(ProgressMeter.duration(Date().timeIntervalSince(start)))\n")
                }
            }
            guard needsFaithfulness, let examplesFile else { continue }
            try fileManager.createDirectory(at: examplesFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            let file = ShardFiles.file(examplesFile, shard: shard)
            if fileManager.fileExists(atPath: file.path) && !isForced {
                context.output.write("  \(run.name): faithfulness shard \(shard) cached\n")
                continue
            }
            // The whole trace is there (traced before the build was sharded): this shard judges every N-th record.
            let records = try mine ?? {
                let all = try context.records(run)
                return shard.positions(of: all).map { IndexedRecord($0, all[$0]) }
            }()
            let start = Date()
            let judged = try model.faithfulnessEvaluations(from: folder, records: records, context: &context,
                                                           progress: progress)
            try FaithfulnessShardFile.write(judged, shard: shard, to: file)
            context.output.write("  \(run.name): faithfulness shard \(shard), \(judged.count) examples in "
                                 + "\(ProgressMeter.duration(Date().timeIntervalSince(start)))\n")
        }
    }

    /// A sentence model's traced inputs as indexed records: one record per input, so an input's position is its
    /// record's (the models judged for faithfulness are all sentence models).
    private static func indexed(_ traced: [TracedInput], file: URL) throws -> [IndexedRecord] {
        try traced.map { input in
            guard input.records.count == 1 else {
                throw AtlasError(source: file.path, message: "input \(input.input) has \(input.records.count) records; "
                                 + "only sentence models are judged for faithfulness", hint: nil)
            }
            return IndexedRecord(input.input, input.records[0])
        }
    }
}
