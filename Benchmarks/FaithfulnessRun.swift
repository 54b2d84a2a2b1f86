// FaithfulnessRun: faithfulness throughput — every method × layer attribution of a traced sentence, all five
// ERASER bins, comprehensiveness and sufficiency, its re-runs batched into one model call per sentence.
import Core
import Foundation

/// Examples per second of `FaithfulnessEvaluator` over 64 SST-like sentences traced with every method, and the
/// number of method × layer score vectors per example. Tracing is not timed.
func faithfulnessExamplesPerSecond(_ model: SentimentTransformer, threads: Int, runs: Int) -> (rate: Double, keys: Int) {
    var rng = SplitMix64(seed: 12)
    let batch = makeBatches(count: 1, batchSize: 64, vocabulary: model.configuration.vocabularySize, rng: &rng)[0]
    let tracing = (0..<batch.batchSize).map { b -> TracingInput in
        let ids = Array(batch.ids[b * batch.length..<(b * batch.length + batch.lengths[b])])
        return TracingInput(id: "\(b)", tokens: ids.map { "w\($0)" }, ids: ids, label: .classIndex(0))
    }
    var options = TracingOptions()
    options.integratedGradients = IntegratedGradients(schedule: .uniform(steps: 8))
    options.threads = threads
    let records = Tracer(model: model, options: options).trace(tracing)
    let inputs = zip(records, tracing).map { FaithfulnessInput(record: $0, ids: $1.ids, rationale: nil) }
    let evaluator = FaithfulnessEvaluator(model: model, threads: threads)
    _ = evaluator.evaluate(Array(inputs.prefix(4)))
    let rate = median((0..<runs).map { _ in
        let start = now()
        _ = evaluator.evaluate(inputs)
        return Double(inputs.count) / (now() - start)
    })
    return (rate, inputs.first?.attributions.count ?? 0)
}
