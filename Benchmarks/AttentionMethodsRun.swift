// AttentionMethodsRun: where the attention-tracing row's time goes — each attention method alone, one thread,
// on the maps of the same 640 SST-like sentences (`atlas-bench --attention-methods`).
import Core
import Foundation

/// Prints the forward pass and each attention method's time per sentence (median of `runs`), one thread.
func runAttentionMethods(runs: Int) throws {
    var configuration = ModelConfiguration()
    configuration.vocabularySize = 16_000
    var model = try SentimentTransformer(configuration: configuration, seed: 0)
    setBLASThreads(1)
    model.threads = 1
    let inputs = tracingBenchmarkBatches(vocabulary: configuration.vocabularySize)
    let count = Double(inputs.map(\.count).reduce(0, +))
    var maps: [AttentionMaps] = []
    let forward = median((0..<runs).map { _ in
        let start = now()
        maps = inputs.flatMap { model.forwardForTracing($0, decompositions: []).map { $0[0].maps } }
        return (now() - start) / count * 1e6
    })
    print("attention methods, one thread, \(Int(count)) sentences of mean length "
          + String(format: "%.1f", Double(maps.map(\.tokens).reduce(0, +)) / count) + ", median of \(runs) runs")
    print("| step | µs per sentence |")
    print("|---|---|")
    print("| forward pass (batch 64) | \(format(forward)) |")
    for method in makeAttentionAttributionMethods() {
        let time = median((0..<runs).map { _ in
            let start = now()
            for m in maps { _ = method.attribute(m) }
            return (now() - start) / count * 1e6
        })
        print("| \(method.id.rawValue) | \(format(time)) |")
    }
}

/// Sentences/s of each decomposition method alone through the tracer (forward pass, decomposition, composition),
/// on 1 and 2 threads, beside the attention methods together (the same forward pass without decomposing), median
/// of `runs` (`atlas-bench --decomposition-methods`).
func runDecompositionMethods(runs: Int) throws {
    var configuration = ModelConfiguration()
    configuration.vocabularySize = 16_000
    let model = try SentimentTransformer(configuration: configuration, seed: 0)
    setBLASThreads(1)
    let inputs = tracingBenchmarkBatches(vocabulary: configuration.vocabularySize).flatMap { $0 }
    let rows: [(String, Set<MethodID>)] = [("the six attention methods", Set(MethodID.allCases.filter(\.isAttentionBased)))]
        + DecomposedEncoder.methods.map { ($0.rawValue, [$0]) }
    print("decomposition methods, \(inputs.count) SST-like sentences, sentences/s, median of \(runs) runs")
    print("| methods | 1 thread | 2 threads | scaling |")
    print("|---|---|---|---|")
    for (name, methods) in rows {
        let rates = [1, 2].map { threads in
            median((0..<runs).map { _ in
                var options = TracingOptions().keepingOnly(methods)
                options.threads = threads
                options.connectionsPerLayer = 0
                let start = now()
                _ = Tracer(model: model, options: options).trace(inputs)
                return Double(inputs.count) / (now() - start)
            })
        }
        print("| \(name) | \(format(rates[0])) | \(format(rates[1])) | \(String(format: "%.2f×", rates[1] / rates[0])) |")
    }
}
