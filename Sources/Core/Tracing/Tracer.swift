// Tracer: every attribution method over any TraceableModel, batch by batch, on a pool of workers.
import Dispatch
import Foundation

/// The records of one input (one for a sentence; one per rated window of a narrative), with its position in the
/// traced list: what a shard of a trace keeps so that the shards can be put back in order.
public struct TracedInput: Sendable {
    public var input: Int
    public var records: [TraceRecord]

    public init(input: Int, records: [TraceRecord]) {
        self.input = input
        self.records = records
    }
}

/// What one shard traced of a list of `total` inputs.
public struct ShardTrace: Sendable {
    public var shard: Shard
    public var total: Int
    public var inputs: [TracedInput]

    public init(shard: Shard, total: Int, inputs: [TracedInput]) {
        self.shard = shard
        self.total = total
        self.inputs = inputs
    }
}

/// Traces examples through a model: one forward pass per batch feeds every attention method (they read the
/// attention maps the pass kept); the gradient methods (gradient sensitivity, gradient × input, integrated
/// gradients) run per item through the model's `outputsAndInputGradients`. The work goes in rounds of one batch
/// per worker: the workers run the round's forward passes side by side, then share out the round's items one
/// at a time, so that the per-item gradient work keeps every worker busy even when there are fewer batches than
/// workers (a small corpus, the last round). Each worker has its own copy of the model (its own workspace).
/// Batches are fixed by `batchSize` alone and every record depends only on its item, so the records, returned
/// in the order of the inputs, are the same whatever the number of workers.
public struct Tracer<Model: TraceableModel>: Sendable {
    public var model: Model
    public var options: TracingOptions

    public init(model: Model, options: TracingOptions = TracingOptions()) {
        self.model = model
        self.options = options
    }

    /// Records in the order of `inputs` (a narrative gives one per traced window). `progress` is called with
    /// the number of inputs just finished, possibly from several threads at once.
    public func trace(_ inputs: [Model.Example], progress: @Sendable (Int) -> Void = { _ in }) -> [TraceRecord] {
        trace(inputs, shard: .whole, progress: progress).inputs.flatMap(\.records)
    }

    /// The inputs `shard` owns, traced: the batches of the whole list are formed first (by `batchSize` alone) and
    /// dealt round-robin, so every input is traced in the batch it has in an unsharded trace and its records are
    /// the same bytes; the shards' results together are `trace(inputs)`. In input order.
    public func trace(_ inputs: [Model.Example], shard: Shard,
                      progress: @Sendable (Int) -> Void = { _ in }) -> ShardTrace {
        let batches = shardBatches(inputs, shard: shard)
        let workers = max(1, options.threads)
        let locals = (0..<workers).map { _ in WorkerModel(model) }
        let results = OrderedSlots<[TraceRecord]>(count: inputs.count)
        for roundStart in stride(from: 0, to: batches.count, by: workers) {
            let round = Array(batches[roundStart..<min(roundStart + workers, batches.count)])
            let forwards = OrderedSlots<[[TracedForward]]>(count: round.count)
            DispatchQueue.concurrentPerform(iterations: round.count) { worker in
                forwards.set(worker, locals[worker].model.forwardForTracing(
                    round[worker].map { inputs[$0] }, decompositions: options.decompositionMethods))
            }
            let passes = forwards.values()
            let items = passes.flatMap { $0.flatMap { $0 } }  // every traced item of the round, in input order
            let records = OrderedSlots<TraceRecord>(count: items.count)
            let next = SharedCounter()
            DispatchQueue.concurrentPerform(iterations: min(workers, items.count)) { worker in
                while let k = next.take(below: items.count) {
                    records.set(k, Self.record(items[k], model: &locals[worker].model, options: options))
                }
            }
            let traced = records.values()
            var start = 0
            for (indices, forward) in zip(round, passes) {
                for (index, itemsOfInput) in zip(indices, forward) {
                    results.set(index, Array(traced[start..<(start + itemsOfInput.count)]))
                    start += itemsOfInput.count
                }
                progress(indices.count)
            }
        }
        return ShardTrace(shard: shard, total: inputs.count,
                          inputs: results.written().map { TracedInput(input: $0.index, records: $0.value) })
    }

    /// The batches (lists of input positions) `shard` traces.
    public func shardBatches(_ inputs: [Model.Example], shard: Shard) -> [[Int]] {
        let all = model.tracingBatches(inputs, batchSize: max(1, options.batchSize))
        return shard.positions(of: all).map { all[$0] }
    }

    /// One worker's copy of the model, kept across rounds so its workspace is grown once.
    private final class WorkerModel: @unchecked Sendable {
        var model: Model
        init(_ model: Model) {
            self.model = model
            self.model.useOneThread()
        }
    }

    /// Hands out 0, 1, 2, … to whichever worker asks next.
    private final class SharedCounter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func take(below limit: Int) -> Int? {
            lock.withLock {
                guard value < limit else { return nil }
                defer { value += 1 }
                return value
            }
        }
    }

    /// Every method over one traced item.
    static func record(_ item: TracedForward, model: inout Model, options: TracingOptions) -> TraceRecord {
        let n = item.maps.tokens, d = model.embeddingWidth
        let (prediction, probabilities, target) = Self.prediction(item.outputs, objective: model.objective)
        var attributions: [MethodID: Attribution] = [:]
        for method in options.attentionMethods { attributions[method.id] = method.attribute(item.maps) }
        if let decomposition = item.decomposition {
            for (id, attribution) in decomposition.attributions(context: item.maps.context)
            where options.decompositionMethods.contains(id) { attributions[id] = attribution }
        }
        var completeness: CompletenessError?
        if let embeddings = item.embeddings, model.hasInputGradients,
           options.includesGradients || options.integratedGradients != nil {
            func function(_ rows: [Float]) -> (outputs: [Float], gradients: [Float]) {
                model.outputsAndInputGradients(rows, tokens: n, target: target)
            }
            if options.includesGradients {
                let (_, gradients) = function(embeddings)
                attributions[.gradientSensitivity] = GradientSensitivity().attribute(gradients: gradients, tokens: n,
                                                                                  dimension: d)
                attributions[.gradientTimesInput] = GradientTimesInput().attribute(
                    embeddings: embeddings, gradients: gradients, tokens: n, dimension: d)
            }
            if let ig = options.integratedGradients {
                let (attribution, error) = ig.attribute(embeddings: embeddings, tokens: n, dimension: d, using: function)
                attributions[.integratedGradients] = attribution
                completeness = error
            }
        }
        if let pieces = item.wordPieces { attributions = attributions.mapValues { $0.summedPerWord(pieces) } }
        // An empty text went through the model as one `<unk>` (`Vocabulary.encode`): it has no word to score.
        let isEmptyText = item.tokens.isEmpty
        if isEmptyText { attributions = attributions.mapValues(\.withoutPositions) }
        let connections = model.recordsConnections && options.connectionsPerLayer > 0 && !isEmptyText
            ? latConnections(item.maps, perLayer: options.connectionsPerLayer) : nil
        return TraceRecord(id: item.id, tokens: item.tokens, label: item.label, prediction: prediction,
                           probabilities: probabilities, attributions: attributions,
                           integratedGradientsError: completeness, isTruncated: item.isTruncated,
                           connections: connections)
    }

    /// The prediction, class probabilities (classification) and the output index explained by gradient methods.
    static func prediction(_ outputs: [Float], objective: Objective) -> (TraceTarget, [Float]?, Int) {
        switch objective {
        case .regression:
            return (.value(Double(outputs[0])), nil, 0)
        case .classification:
            let best = outputs.indices.max { outputs[$0] < outputs[$1] }!
            let top = outputs[best]
            let exps = outputs.map { Float(exp(Double($0 - top))) }
            let total = exps.reduce(0, +)
            return (.classIndex(best), exps.map { $0 / total }, best)
        }
    }
}
