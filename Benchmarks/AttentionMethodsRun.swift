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
