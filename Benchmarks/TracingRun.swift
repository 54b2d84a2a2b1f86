// TracingRun: tracing throughput — the attention methods (one shared forward pass per batch of 64) and
// integrated gradients (50 uniform steps, as the PyTorch reference's `ig` workload), on SST-like sentences.
import Core
import Foundation

/// Sentences per second of `Tracer` with only the attention methods, and with only integrated gradients.
func tracingSentencesPerSecond(_ model: SentimentTransformer, threads: Int, runs: Int) -> (attention: Double, ig: Double) {
    let inputs = tracingBenchmarkBatches(vocabulary: model.configuration.vocabularySize).flatMap { $0 }
    var attentionOnly = TracingOptions()
    attentionOnly.includesGradients = false
    attentionOnly.integratedGradients = nil
    attentionOnly.decompositionMethods = []  // the decomposition methods have their own run (--decomposition-methods)
    attentionOnly.threads = threads
    var igOnly = TracingOptions()
    igOnly.attentionMethods = []
    igOnly.includesGradients = false
    igOnly.decompositionMethods = []
    igOnly.integratedGradients = IntegratedGradients(schedule: .uniform(steps: 50))
    igOnly.threads = threads
    func rate(_ options: TracingOptions, _ sample: [TracingInput]) -> Double {
        let tracer = Tracer(model: model, options: options)
        _ = tracer.trace(Array(sample.prefix(8)))
        return median((0..<runs).map { _ in
            let start = now()
            _ = tracer.trace(sample)
            return Double(sample.count) / (now() - start)
        })
    }
    return (rate(attentionOnly, inputs), rate(igOnly, Array(inputs.prefix(30))))
}

/// The tracing benchmarks' sentences: 10 bucketed batches of 64 SST-like sentences (seed 11), unpadded.
func tracingBenchmarkBatches(vocabulary: Int) -> [[TracingInput]] {
    var rng = SplitMix64(seed: 11)
    return makeBatches(count: 10, batchSize: 64, vocabulary: vocabulary, rng: &rng).map { batch in
        (0..<batch.batchSize).map { b -> TracingInput in
            let ids = Array(batch.ids[b * batch.length..<(b * batch.length + batch.lengths[b])])
            return TracingInput(id: "\(b)", tokens: ids.map { "w\($0)" }, ids: ids, label: .classIndex(0))
        }
    }
}
