// PretrainedTracer: every attribution method over a frozen BERT encoder + attention-pooling head, reported per word.
import Dispatch
import Foundation

/// One sentence to trace through a pretrained model: its words (as shown), their word-piece encoding
/// (`WordPieceTokenizer.encode(words:)`) and the gold label.
public struct PretrainedTracingInput: Sendable {
    public var id: String
    public var words: [String]
    public var encoding: WordPieceEncoding
    public var label: TraceTarget

    public init(id: String, words: [String], encoding: WordPieceEncoding, label: TraceTarget) {
        precondition(encoding.wordCount == words.count, "\(words.count) words but the encoding has \(encoding.wordCount)")
        self.id = id
        self.words = words
        self.encoding = encoding
        self.label = label
    }
}

/// Traces sentences through a `PretrainedSentimentModel` with the same methods and options as `ModelTracer`:
/// one encoder forward per batch feeds the attention methods (LAT, LAT-mean, rollout, context, raw attention,
/// flow over all L × H maps, context = the head's α), and the gradient methods (saliency, gradient × input,
/// integrated gradients) run per sentence through `PretrainedSentimentModel.gradientFunction`, with respect to
/// the word-piece embeddings. Every method works at the word-piece level ([CLS] and [SEP] included, as the
/// encoder attends to them); the record then sums each word's pieces (`Attribution.summedPerWord`), so it has one
/// score per word at every layer, like a from-scratch model's record.
public struct PretrainedTracer: Sendable {
    public var model: PretrainedSentimentModel
    public var options: TracingOptions

    public init(model: PretrainedSentimentModel, options: TracingOptions = TracingOptions()) {
        self.model = model
        self.options = options
    }

    /// Records in the order of `inputs`; `progress` gets the number of sentences just finished (any thread).
    public func trace(_ inputs: [PretrainedTracingInput], progress: @Sendable (Int) -> Void = { _ in }) -> [TraceRecord] {
        let order = inputs.indices.sorted { (inputs[$0].encoding.ids.count, $0) < (inputs[$1].encoding.ids.count, $1) }
        let size = max(1, options.batchSize)
        let batches = stride(from: 0, to: order.count, by: size).map { Array(order[$0..<min(order.count, $0 + size)]) }
        let workers = max(1, min(options.threads, batches.count))
        let results = RecordSlots(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local = model  // each worker grows its own workspace (copy on write)
            local.encoder.threads = 1
            for batchIndex in stride(from: worker, to: batches.count, by: workers) {
                let indices = batches[batchIndex]
                let records = Self.traceBatch(indices.map { inputs[$0] }, model: &local, options: options)
                for (index, record) in zip(indices, records) { results.set(index, record) }
                progress(indices.count)
            }
        }
        return results.values()
    }

    static func traceBatch(_ inputs: [PretrainedTracingInput], model: inout PretrainedSentimentModel,
                           options: TracingOptions) -> [TraceRecord] {
        let traces = model.trace(inputs.map(\.encoding.ids))
        let d = model.encoder.configuration.hiddenSize
        return zip(inputs, traces).map { input, trace in
            let n = trace.maps.tokens
            let (prediction, probabilities, target) = ModelTracer.prediction(trace.logits, objective: .classification)
            var pieces: [MethodID: Attribution] = [:]
            for method in options.attentionMethods { pieces[method.id] = method.attribute(trace.maps) }
            var completeness: CompletenessError?
            if options.includesGradients || options.integratedGradients != nil {
                let function = model.gradientFunction(target: target, tokens: n)
                if options.includesGradients {
                    let gradients = function(trace.embeddings).gradients
                    pieces[.gradientSensitivity] = GradientSaliency().attribute(gradients: gradients, tokens: n, dimension: d)
                    pieces[.gradientTimesInput] = GradientTimesInput().attribute(
                        embeddings: trace.embeddings, gradients: gradients, tokens: n, dimension: d)
                }
                if let ig = options.integratedGradients {
                    let (attribution, error) = ig.attribute(embeddings: trace.embeddings, tokens: n, dimension: d,
                                                            using: function)
                    pieces[.integratedGradients] = attribution
                    completeness = error
                }
            }
            return TraceRecord(id: input.id, tokens: input.words, label: input.label, prediction: prediction,
                               probabilities: probabilities,
                               attributions: pieces.mapValues { $0.summedPerWord(input.encoding) },
                               integratedGradientsError: completeness, isTruncated: input.encoding.isTruncated)
        }
    }
}
