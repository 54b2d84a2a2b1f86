// ModelTracer: runs every attribution method over a trained SentimentTransformer, batch by batch.
import Dispatch
import Foundation

/// One example to trace: its id, tokens and their vocabulary ids, and the gold label.
public struct TracingInput: Sendable {
    public var id: String
    public var tokens: [String]
    public var ids: [Int32]
    public var label: TraceTarget

    public init(id: String, tokens: [String], ids: [Int32], label: TraceTarget) {
        self.id = id
        self.tokens = tokens
        self.ids = ids
        self.label = label
    }
}

/// What to compute when tracing.
public struct TracingOptions: Sendable {
    /// The attention-based methods (LAT, LAT-mean, rollout, context, raw attention, attention flow by default).
    public var attentionMethods: [any AttentionAttributionMethod] = makeAttentionAttributionMethods()
    /// Gradient sensitivity and gradient × input.
    public var includesGradients = true
    /// Integrated gradients, or nil to skip them.
    public var integratedGradients: IntegratedGradients? = IntegratedGradients()
    /// Sentences per forward pass of the attention methods.
    public var batchSize = 64
    /// Worker threads; each works on its own copy of the model.
    public var threads = 2
    /// LAT edges kept per pair of adjacent layers for the connection drawing (0 records none).
    public var connectionsPerLayer = 8

    public init() {}
}

/// Traces examples through a model: one forward pass per batch feeds every attention method (they read the
/// attention probabilities the forward pass keeps); the gradient methods run per example through
/// `outputsAndInputGradients`. Sequences longer than the model's maximum length are cut and flagged.
public struct ModelTracer: Sendable {
    public var model: SentimentTransformer
    public var options: TracingOptions

    public init(model: SentimentTransformer, options: TracingOptions = TracingOptions()) {
        self.model = model
        self.options = options
    }

    /// Records in the order of `inputs`. `progress` is called with the number of examples just finished,
    /// possibly from several threads at once.
    public func trace(_ inputs: [TracingInput], progress: @Sendable (Int) -> Void = { _ in }) -> [TraceRecord] {
        let maximum = model.configuration.maxLength
        let batcher = LengthBucketingBatcher(batchSize: options.batchSize, maxLength: maximum)
        let batches = batcher.sorted(lengths: inputs.map { max(1, min($0.ids.count, maximum)) })
        let workers = max(1, min(options.threads, batches.count))
        let results = RecordSlots(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local = model  // each worker grows its own workspace (copy on write)
            local.threads = 1
            for batchIndex in stride(from: worker, to: batches.count, by: workers) {
                let indices = batches[batchIndex]
                let records = Self.traceBatch(indices.map { inputs[$0] }, model: &local, options: options,
                                              maximumLength: maximum)
                for (index, record) in zip(indices, records) { results.set(index, record) }
                progress(indices.count)
            }
        }
        return results.values()
    }

    /// Traces one batch: a shared forward pass, then per example the gradient methods.
    static func traceBatch(_ inputs: [TracingInput], model: inout SentimentTransformer, options: TracingOptions,
                           maximumLength: Int) -> [TraceRecord] {
        let clipped = inputs.map { Array($0.ids.prefix(maximumLength)) }
        // An empty text is traced as a single <pad>-free unknown token so that every example has a record.
        let sequences = clipped.map { $0.isEmpty ? [Int32(1)] : $0 }
        let batch = TokenBatch(padding: sequences)
        var rng = SplitMix64(seed: 0)
        let pass = model.forward(batch: batch, training: false, rng: &rng)
        let c = model.configuration
        let maps = AttentionMaps.unpad(layerProbabilities: pass.attention.map(\.scalars),
                                       contexts: pass.contextAttention.scalars, heads: c.heads,
                                       length: batch.length, lengths: batch.lengths)
        let d = c.modelWidth
        return inputs.indices.map { b in
            let n = batch.lengths[b]
            let outputs = Array(pass.outputs.scalars[b * c.outputs..<(b + 1) * c.outputs])
            let (prediction, probabilities, target) = Self.prediction(outputs, objective: c.objective)
            var attributions: [MethodID: Attribution] = [:]
            for method in options.attentionMethods { attributions[method.id] = method.attribute(maps[b]) }
            var completeness: CompletenessError?
            if options.includesGradients || options.integratedGradients != nil {
                let start = b * batch.length * d
                let embeddings = Array(pass.embeddings.scalars[start..<(start + n * d)])
                func function(_ rows: [Float]) -> (outputs: [Float], gradients: [Float]) {
                    let count = rows.count / (n * d)
                    let (out, gradients) = model.outputsAndInputGradients(
                        embeddings: Tensor(shape: [count, n, d], scalars: rows),
                        lengths: [Int](repeating: n, count: count), targets: [Int](repeating: target, count: count))
                    let selected = (0..<count).map { out.scalars[$0 * c.outputs + target] }
                    return (selected, gradients.scalars)
                }
                if options.includesGradients {
                    let (_, gradients) = function(embeddings)
                    attributions[.gradientSensitivity] = GradientSaliency().attribute(gradients: gradients, tokens: n,
                                                                                      dimension: d)
                    attributions[.gradientTimesInput] = GradientTimesInput().attribute(
                        embeddings: embeddings, gradients: gradients, tokens: n, dimension: d)
                }
                if let ig = options.integratedGradients {
                    let (attribution, error) = ig.attribute(embeddings: embeddings, tokens: n, dimension: d,
                                                            using: function)
                    attributions[.integratedGradients] = attribution
                    completeness = error
                }
            }
            let input = inputs[b]
            return TraceRecord(id: input.id, tokens: Array(input.tokens.prefix(n)), label: input.label,
                               prediction: prediction, probabilities: probabilities, attributions: attributions,
                               integratedGradientsError: completeness,
                               isTruncated: input.ids.count > maximumLength,
                               connections: options.connectionsPerLayer > 0
                                   ? latConnections(maps[b], perLayer: options.connectionsPerLayer) : nil)
        }
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

/// Records filled from several threads (each index written once).
typealias RecordSlots = OrderedSlots<TraceRecord>
