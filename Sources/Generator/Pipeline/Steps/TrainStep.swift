// TrainStep: trains each corpus's model, or finds it in the cache (keyed by data, sizes, recipe, seed, code);
// two or more models to train go side by side, one core each.
import Core
import Dispatch
import Foundation

struct TrainStep: CorpusArtifactStep {
    var name: String { "train" }

    /// The checkpoint's weights file, written last, marks the model folder complete.
    func artifact(_ run: CorpusRun, _ context: BuildContext) throws -> URL {
        try context.modelFolder(run).appendingPathComponent(ModelCheckpoint.weightsFile)
    }

    func key(_ run: CorpusRun, _ context: BuildContext) throws -> CacheKey { try context.modelKey(run) }

    /// Every run; in a shard's build the runs the shard owns (run k of the build's list goes to shard k mod N, so
    /// `--shard k/N` with N = the number of runs trains one seed of one corpus).
    func models(_ context: BuildContext) -> [any CorpusModel] {
        let all = context.corpusModels
        guard let shard = context.shard else { return all }
        return shard.positions(of: all).map { all[$0] }
    }

    func reuse(_ model: any CorpusModel, artifact: URL, context: inout BuildContext) {
        context.output.write("  \(model.run.name): cached at \(artifact.deletingLastPathComponent().path)\n")
    }

    /// With more than one thread and more than one model to train, the models train side by side: one worker per
    /// core takes the next model from a queue (the Transformers trained here first, the longest jobs, then the
    /// heads and narrative models) and trains it on one thread; when the queue is empty, a finished worker's core
    /// goes to the training still running (`CoreShare`). Training scales 1.65× from one thread to two, so two
    /// one-thread trainings at once finish about 20 % sooner than one after the other on both cores; the
    /// checkpoints are the same bytes either way (`TrainingThreadIndependenceTests`). Each worker's lines carry
    /// its model's name.
    func run(_ context: inout BuildContext, progress: ProgressMeter) throws {
        let pending = try pending(&context)
        let workers = min(context.threads, pending.count)
        guard workers >= 2 else {
            for (model, file) in pending { try make(model, artifact: file, context: &context, progress: progress) }
            return
        }
        let queued = pending.filter(\.model.isJudgedForFaithfulness) + pending.filter { !$0.model.isJudgedForFaithfulness }
        let order = queued.map(\.model), artifacts = queued.map(\.artifact)
        context.output.write("  \(order.count) models to train, \(workers) side by side: "
                             + order.map(\.run.name).joined(separator: ", ") + "\n")
        let share = CoreShare(cores: context.threads)
        let queue = WorkQueue(count: order.count)
        let finished = LockedSlots<Result<BuildContext, any Error>?>(count: order.count, initial: nil)
        let base = UncheckedBox(context)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            share.join()
            defer { share.leave() }
            while let index = queue.next() {
                var local = base.value
                local.threads = max(1, base.value.threads / workers)
                local.coreShare = share
                local.output = base.value.output.prefixingLines(with: "[\(order[index].run.name)] ")
                do {
                    try make(order[index], artifact: artifacts[index], context: &local, progress: progress)
                    finished.set(.success(local), at: index)
                } catch {
                    finished.set(.failure(error), at: index)
                }
            }
        }
        // What each training left in its context (the trained model, ready for the trace step); then the first
        // failure in queue order, after every other model has trained.
        var failure: (any Error)?
        for (model, result) in zip(order, finished.values) {
            switch result {
            case .success(let local)?:
                if let trained = local.models[model.run.stem] { context.models[model.run.stem] = trained }
                if let trained = local.narratives[model.run.stem] { context.narratives[model.run.stem] = trained }
            case .failure(let error)?: failure = failure ?? error
            case nil: break
            }
        }
        if let failure { throw failure }
    }

    /// Each model's training prints its own steps with rate and ETA; after it, one line names the model, its
    /// time and how many are left (the step's meter is not advanced: "1 model, 0.0/s" would say nothing).
    func make(_ model: any CorpusModel, artifact: URL, context: inout BuildContext, progress: ProgressMeter) throws {
        let folder = artifact.deletingLastPathComponent()
        if context.mergesShards {
            throw AtlasError(source: folder.path, message: "\(model.run.name) is not trained, and a merge trains nothing",
                             hint: "run the train shards (`atlas build --shard k/N --until train` for every k) "
                                 + "with the same configuration and cache, then merge again")
        }
        context.output.write("  \(model.run.name): training into \(folder.path)\n")
        let start = Date()
        try model.train(into: folder, context: &context)
        let left = try models(context).filter {
            !FileManager.default.fileExists(atPath: try self.artifact($0.run, context).path)
        }
        context.output.write("  \(model.corpus.modelName), seed \(model.run.seed): trained in \(ProgressMeter.duration(Date().timeIntervalSince(start)))"
                             + "; step \(ProgressMeter.duration(progress.elapsed)) so far"
                             + (left.isEmpty ? "\n" : ", \(left.count) to train (\(left.map(\.run.name).joined(separator: ", ")))\n"))
    }
}

/// Hands out 0, 1, … `count` − 1 once each to whichever worker asks first.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int
    init(count: Int) { self.count = count }
    func next() -> Int? {
        lock.withLock {
            guard nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }
}

/// A value read (never written) by worker threads.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
