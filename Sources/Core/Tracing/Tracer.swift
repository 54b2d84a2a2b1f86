// Tracer: every attribution method over any TraceableModel, batch by batch, on a pool of workers.
import Dispatch
import Foundation

/// Traces examples through a model: one forward pass per batch feeds every attention method (they read the
/// attention maps the pass kept); the gradient methods (gradient sensitivity, gradient × input, integrated
/// gradients) run per item through the model's `outputsAndInputGradients`. Batches are shared out round-robin
/// over `options.threads` workers, each with its own copy of the model (its own workspace), and the records
/// come back in the order of the inputs whatever the number of workers.
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
        let batches = model.tracingBatches(inputs, batchSize: max(1, options.batchSize))
        let workers = max(1, min(options.threads, batches.count))
        let results = OrderedSlots<[TraceRecord]>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local = model  // each worker grows its own workspace (copy on write)
            local.useOneThread()
            for batchIndex in stride(from: worker, to: batches.count, by: workers) {
                let indices = batches[batchIndex]
                let forwards = local.forwardForTracing(indices.map { inputs[$0] })
                for (index, items) in zip(indices, forwards) {
                    results.set(index, items.map { Self.record($0, model: &local, options: options) })
                }
                progress(indices.count)
            }
        }
        return results.values().flatMap { $0 }
    }

    /// Every method over one traced item.
    static func record(_ item: TracedForward, model: inout Model, options: TracingOptions) -> TraceRecord {
        let n = item.maps.tokens, d = model.embeddingWidth
        let (prediction, probabilities, target) = Self.prediction(item.outputs, objective: model.objective)
        var attributions: [MethodID: Attribution] = [:]
        for method in options.attentionMethods { attributions[method.id] = method.attribute(item.maps) }
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
        let connections = model.recordsConnections && options.connectionsPerLayer > 0
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
