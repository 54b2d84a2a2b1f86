// IntegratedGradientsAccuracy: `atlas-bench --ig-accuracy MODEL --sst DIR [--sentences 60]` — how close each
// quadrature schedule's integrated gradients come to the converged integral, token by token, and at what cost.
//
// The reference is the same integral with 1,024 and 2,048 Gauss–Legendre nodes; the table first shows that those
// two agree (so the reference has converged), then, per schedule: the share of sentences whose every token is
// within 1 % of the sentence's max |reference score|, the worst token's error (in that unit), the median
// completeness error and the gradient evaluations per sentence. The gradients themselves are checked against
// finite differences in the tests; this measures only the quadrature.
import Core
import Dispatch
import Foundation

/// A checkpoint folder written by `atlas train` / `atlas build` (config.json, vocabulary.json, model.safetensors).
func loadCheckpoint(_ folder: String) throws -> (SentimentTransformer, Vocabulary) {
    func read(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)) }
    let configuration = try JSONDecoder().decode(ModelConfiguration.self, from: try read("config.json"))
    let vocabulary = try JSONDecoder().decode(Vocabulary.self, from: try read("vocabulary.json"))
    var model = try SentimentTransformer(configuration: configuration, seed: 0)
    let contents = try Safetensors.decode(Array(try read("model.safetensors")), source: folder + "/model.safetensors")
    try model.load(contents.tensors, source: folder + "/model.safetensors")
    return (model, vocabulary)
}

func runIntegratedGradientsAccuracy(model folder: String, sstDirectory: String, sentences count: Int, threads: Int) throws {
    var (loaded, vocabulary) = try loadCheckpoint(folder)
    loaded.threads = 1
    setBLASThreads(1)
    let test = try readSST(sstDirectory + "/test.txt").prefix(count)
    let inputs = test.enumerated().map { i, s in
        TracingInput(id: "test-\(i)", tokens: s.words, ids: vocabulary.encode(s.words), label: .classIndex(s.label))
    }
    let forwards = loaded.forwardForTracing(inputs).map { $0[0] }
    let model = loaded, d = loaded.embeddingWidth

    /// Scores and completeness error of one schedule on one sentence (optionally refined to a total tolerance).
    @Sendable func integrate(_ ig: IntegratedGradients, _ item: TracedForward, model: inout SentimentTransformer)
        -> (scores: [Double], error: CompletenessError) {
        let n = item.maps.tokens
        let target = item.outputs.indices.max { item.outputs[$0] < item.outputs[$1] }!
        let (attribution, error) = ig.attribute(embeddings: item.embeddings!, tokens: n, dimension: d) { rows in
            model.outputsAndInputGradients(rows, tokens: n, target: target)
        }
        return (attribution.scores.map(Double.init), error)
    }
    /// All sentences under one schedule, split over `threads` workers (each with its own model copy).
    func run(_ ig: IntegratedGradients) -> [(scores: [Double], error: CompletenessError)] {
        let slots = OrderedSlots<(scores: [Double], error: CompletenessError)>(count: forwards.count)
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var local = model
            for i in stride(from: worker, to: forwards.count, by: threads) { slots.set(i, integrate(ig, forwards[i], model: &local)) }
        }
        return slots.values()
    }
    /// Per sentence: the largest |a − b| over tokens, in units of max |reference|.
    func worst(_ a: [(scores: [Double], error: CompletenessError)], _ reference: [[Double]]) -> [Double] {
        zip(a, reference).map { result, ref in
            let scale = max(ref.map(abs).max() ?? 0, 1e-12)
            return zip(result.scores, ref).map { abs($0 - $1) }.max()! / scale
        }
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    print("integrated gradients on \(forwards.count) SST-5 test sentences of \(folder), \(threads) threads")
    let converged = run(IntegratedGradients(schedule: .gaussLegendre(points: 2048))).map(\.scores)
    let check = worst(run(IntegratedGradients(schedule: .gaussLegendre(points: 1024))), converged)
    print(String(format: "reference: 1,024 vs 2,048 Gauss–Legendre nodes differ by at most %.2e of max |score| (median %.2e)",
                 check.max()!, median(check)))
    print("")
    print("| schedule | evaluations / sentence (mean) | sentences with every token within 1 % | worst token error | median completeness error | seconds |")
    print("|---|---|---|---|---|---|")
    let candidates: [(String, IntegratedGradients)] = [
        ("uniform right Riemann, 50 steps", IntegratedGradients(schedule: .uniform(steps: 50))),
        ("Gauss–Legendre 50, refined to 5 % total (today)",
         IntegratedGradients(schedule: .gaussLegendre(points: 50), relativeTolerance: 0.05, maximumSteps: 200)),
        ("Gauss–Legendre 50", IntegratedGradients(schedule: .gaussLegendre(points: 50))),
        ("Gauss–Legendre 100", IntegratedGradients(schedule: .gaussLegendre(points: 100))),
        ("graded Gauss–Legendre p=2, 16", IntegratedGradients(schedule: .gradedGaussLegendre(points: 16, power: 2))),
        ("graded Gauss–Legendre p=2, 24", IntegratedGradients(schedule: .gradedGaussLegendre(points: 24, power: 2))),
        ("graded Gauss–Legendre p=2, 32", IntegratedGradients(schedule: .gradedGaussLegendre(points: 32, power: 2))),
        ("graded Gauss–Legendre p=3, 16", IntegratedGradients(schedule: .gradedGaussLegendre(points: 16, power: 3))),
        ("graded Gauss–Legendre p=3, 24", IntegratedGradients(schedule: .gradedGaussLegendre(points: 24, power: 3))),
        ("graded Gauss–Legendre p=3, 32", IntegratedGradients(schedule: .gradedGaussLegendre(points: 32, power: 3))),
        ("graded Gauss–Legendre p=3, 48", IntegratedGradients(schedule: .gradedGaussLegendre(points: 48, power: 3))),
        ("adaptive Gauss–Kronrod, 3 intervals, 1 %", IntegratedGradients(schedule: .adaptiveGaussKronrod(intervals: 3),
                                                                          relativeTolerance: 0.01, maximumSteps: 400)),
        ("adaptive Gauss–Kronrod, 3 intervals, 0.5 %", IntegratedGradients(schedule: .adaptiveGaussKronrod(intervals: 3),
                                                                            relativeTolerance: 0.005, maximumSteps: 400)),
        ("adaptive Gauss–Kronrod, 2 intervals, 0.5 %", IntegratedGradients(schedule: .adaptiveGaussKronrod(intervals: 2),
                                                                            relativeTolerance: 0.005, maximumSteps: 400)),
        ("adaptive Gauss–Kronrod, 3 intervals, 2 %", IntegratedGradients(schedule: .adaptiveGaussKronrod(intervals: 3),
                                                                          relativeTolerance: 0.02, maximumSteps: 400)),
    ]
    for (name, ig) in candidates {
        let start = Date()
        let results = run(ig)
        let seconds = Date().timeIntervalSince(start)
        let errors = worst(results, converged)
        let within = errors.filter { $0 <= 0.01 }.count
        let evaluations = Double(results.map(\.error.evaluations).reduce(0, +)) / Double(results.count)
        print(String(format: "| %@ | %.1f | %d of %d (%.0f %%) | %.2f %% | %.2f %% | %.1f |", name, evaluations, within,
                     results.count, 100 * Double(within) / Double(results.count), 100 * errors.max()!,
                     100 * median(results.map { $0.error.relative ?? 0 }), seconds))
    }
}
