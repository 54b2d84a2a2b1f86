// FaithfulnessEvaluator: runs the ERASER re-runs of traced examples through a trained model, in parallel, one call per example.
import Foundation

/// One traced example as the evaluator needs it.
public struct FaithfulnessInput: Sendable {
    public var id: String
    /// The token ids the model saw (already cut to its maximum length).
    public var ids: [Int32]
    public var attributions: [AttributionKey: [Float]]
    /// The class whose probability is tracked (the traced prediction); nil for regression.
    public var predictedClass: Int?
    /// SST's human rationale, one value per token, when there is one.
    public var rationale: [Double]?

    public init(id: String, ids: [Int32], attributions: [AttributionKey: [Float]], predictedClass: Int?,
                rationale: [Double]?) {
        self.id = id
        self.ids = ids
        self.attributions = attributions
        self.predictedClass = predictedClass
        self.rationale = rationale
    }

    /// From a trace record: every method's input scores and every depth of the layer-wise methods, except a
    /// depth identical to the method's input scores (depth 0 of most methods), which would only repeat a row.
    /// When the record has no random attribution, one is drawn from `randomSeed` (the baseline every method
    /// is compared with).
    public init(record: TraceRecord, ids: [Int32], rationale: [Double]?, randomSeed: UInt64 = 0) {
        var vectors = AttributionKey.scoreVectors(of: record.attributions)
        for (key, scores) in vectors where key.layer != nil && vectors[AttributionKey(key.method)] == scores {
            vectors[key] = nil
        }
        if vectors[AttributionKey(.random)] == nil {
            var generator = SplitMix64(seed: randomSeed)
            vectors[AttributionKey(.random)] = RandomAttribution().attribute(tokens: record.tokens.count,
                                                                            generator: &generator).scores
        }
        var predicted: Int?
        if case .classIndex(let c) = record.prediction { predicted = c }
        let n = record.tokens.count
        self.init(id: record.id, ids: Array(ids.prefix(n)), attributions: vectors, predictedClass: predicted,
                  rationale: rationale.map { Array($0.prefix(n)) })
    }
}

/// Faithfulness (and plausibility, where a rationale exists) for many examples. Each worker thread owns a
/// copy of the model; each example's re-runs for every key and bin go through the model as ONE padded batch.
public struct FaithfulnessEvaluator: Sendable {
    public var model: SentimentTransformer
    public var faithfulness: Faithfulness
    public var threads: Int

    public init(model: SentimentTransformer, bins: FaithfulnessBins = FaithfulnessBins(), threads: Int = 1) {
        self.model = model
        self.faithfulness = Faithfulness(bins: bins)
        self.threads = threads
    }

    public var isRegression: Bool { model.configuration.outputs == 1 }

    /// Results in the order of `inputs`; `progress` receives the number of examples just finished (any thread).
    public func evaluate(_ inputs: [FaithfulnessInput], progress: @Sendable (Int) -> Void = { _ in }) -> [ExampleEvaluation] {
        let workers = max(1, min(threads, inputs.count))
        let slots = OrderedSlots<ExampleEvaluation>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local = model  // each worker grows its own workspace (copy on write)
            local.threads = 1
            for index in stride(from: worker, to: inputs.count, by: workers) {
                slots.set(index, evaluate(inputs[index], model: &local))
                progress(1)
            }
        }
        return slots.values()
    }

    func evaluate(_ input: FaithfulnessInput, model: inout SentimentTransformer) -> ExampleEvaluation {
        let report: FaithfulnessReport
        if isRegression {
            report = faithfulness.evaluate(tokenIDs: input.ids, attributions: input.attributions) { sequences in
                Self.outputs(sequences, model: &model).map { $0[0] }
            }
        } else {
            report = faithfulness.evaluate(tokenIDs: input.ids, attributions: input.attributions,
                                           predictedClass: input.predictedClass) { sequences in
                Self.outputs(sequences, model: &model).map(softmax)
            }
        }
        let plausibility = input.rationale.map { rationale in
            input.attributions.mapValues { PlausibilityResult(scores: $0, rationale: rationale) }
        }
        return ExampleEvaluation(id: input.id, faithfulness: report.results, plausibility: plausibility,
                                 sequencesScored: report.sequencesScored)
    }

    /// The model's raw outputs for each sequence. Sequences are sorted by length and padded together in
    /// groups whose longest member is at most 1.5 times the shortest (and of at most 256), since the kept-token
    /// sequences of sufficiency are much shorter than the deletions of comprehensiveness and padding them to
    /// the full length would double the work. An empty sequence (every token deleted) is scored as one unknown
    /// token (id 1), as the tracer scores an empty text.
    static func outputs(_ sequences: [[Int32]], model: inout SentimentTransformer) -> [[Float]] {
        let c = model.configuration.outputs
        let padded = sequences.map { $0.isEmpty ? [Int32(1)] : $0 }
        let order = padded.indices.sorted { (padded[$0].count, $0) < (padded[$1].count, $1) }
        var result = [[Float]](repeating: [], count: sequences.count)
        var start = 0
        while start < order.count {
            let shortest = padded[order[start]].count
            var end = start + 1
            while end < order.count && end - start < 256 && 2 * padded[order[end]].count <= 3 * shortest { end += 1 }
            let group = Array(order[start..<end])
            let scalars = model.outputs(batch: TokenBatch(padding: group.map { padded[$0] })).scalars
            for (b, index) in group.enumerated() { result[index] = Array(scalars[(b * c)..<((b + 1) * c)]) }
            start = end
        }
        return result
    }
}

/// Softmax of logits (max-shifted).
private func softmax(_ logits: [Float]) -> [Float] {
    let top = logits.max() ?? 0
    let exps = logits.map { Float(exp(Double($0 - top))) }
    let total = exps.reduce(0, +)
    return exps.map { $0 / total }
}
