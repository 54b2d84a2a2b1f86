// IntegratedGradientsAccuracy: `atlas-bench --ig-accuracy MODEL --sst DIR [--sentences 60] [--reference 2048]
// [--minilm ENCODER]` — how close each quadrature schedule's integrated gradients come to the converged integral,
// token by token, and at what cost. MODEL is a checkpoint folder of `atlas train`, or with `--minilm` a head folder
// of the MiniLM corpus (head.json + model.safetensors) read with that encoder folder.
//
// The reference is the same integral with R and R/2 Gauss–Legendre nodes (R = --reference); the table first shows
// that those two agree (so the reference has converged), then, per schedule: the share of sentences whose every
// token (word piece, for MiniLM) is within 1 % of the sentence's max |reference score|, the worst token's error (in
// that unit), the median completeness error and the gradient evaluations per sentence. The gradients themselves are
// checked against finite differences in the tests; this measures only the quadrature.
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

/// An encoder folder (config.json, tokenizer.json, model.safetensors) with a head folder of the build's MiniLM corpus.
func loadEncoderWithHead(encoder folder: String, head headFolder: String) throws
    -> (PretrainedSentimentModel, WordPieceTokenizer) {
    func read(_ folder: String, _ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)) }
    let configuration = try BertConfiguration.decode(try read(folder, "config.json"), source: folder + "/config.json")
    let tokenizer = try WordPieceTokenizer(tokenizerJSON: try read(folder, "tokenizer.json"), source: folder + "/tokenizer.json")
    let checkpoint = try Safetensors.decode([UInt8](try read(folder, "model.safetensors")), source: folder + "/model.safetensors")
    let encoder = try BertEncoder(configuration: configuration, checkpoint: checkpoint, source: folder)
    struct Sizes: Decodable { var width: Int, pooling_hidden: Int, classes: Int }
    let sizes = try JSONDecoder().decode(Sizes.self, from: try read(headFolder, "head.json"))
    let weights = try Safetensors.decode([UInt8](try read(headFolder, "model.safetensors")), source: headFolder + "/model.safetensors")
    let head = try AttentionPoolingHead(width: sizes.width, poolingHidden: sizes.pooling_hidden, classes: sizes.classes,
                                        tensors: weights.tensors, source: headFolder + "/model.safetensors")
    return (PretrainedSentimentModel(encoder: encoder, head: head), tokenizer)
}

func runIntegratedGradientsAccuracy(model folder: String, encoder: String?, sstDirectory: String, sentences count: Int,
                                    referenceNodes: Int, threads: Int) throws {
    setBLASThreads(1)
    let test = try readSST(sstDirectory + "/test.txt").prefix(count)
    if let encoder {
        var (model, tokenizer) = try loadEncoderWithHead(encoder: encoder, head: folder)
        model.useOneThread()
        let inputs = test.enumerated().map { i, s in
            PretrainedTracingInput(id: "test-\(i)", words: s.words, encoding: tokenizer.encode(words: s.words, maxLength: 128),
                                   label: .classIndex(s.label))
        }
        // The build's MiniLM rule (PretrainedDefaults: 16 nodes, refined to 5 % total, at most 64).
        let today = IntegratedGradients(schedule: .gaussLegendre(points: 16), relativeTolerance: 0.05, maximumSteps: 64)
        measureIntegratedGradients(model, inputs, title: "all-MiniLM-L6-v2 + head \(folder) (word pieces)", today: today,
                                   referenceNodes: referenceNodes, threads: threads)
    } else {
        var (model, vocabulary) = try loadCheckpoint(folder)
        model.useOneThread()
        let inputs = test.enumerated().map { i, s in
            TracingInput(id: "test-\(i)", tokens: s.words, ids: vocabulary.encode(s.words), label: .classIndex(s.label))
        }
        let today = IntegratedGradients(schedule: .gaussLegendre(points: 50), relativeTolerance: 0.05, maximumSteps: 200)
        measureIntegratedGradients(model, inputs, title: folder, today: today, referenceNodes: referenceNodes, threads: threads)
    }
}

/// The table for one model: every candidate schedule against the converged integral on the same sentences.
func measureIntegratedGradients<M: TraceableModel>(_ model: M, _ inputs: [M.Example], title: String,
                                                   today: IntegratedGradients, referenceNodes: Int, threads: Int) {
    var forwarding = model
    let forwards = inputs.flatMap { forwarding.forwardForTracing([$0], decompositions: []) }.map { $0[0] }
    let d = model.embeddingWidth
    typealias Result = (scores: [Double], error: CompletenessError)

    /// Scores and completeness error of one schedule on one sentence, for its predicted class.
    @Sendable func integrate(_ ig: IntegratedGradients, _ item: TracedForward, model: inout M) -> Result {
        let n = item.maps.tokens
        let target = item.outputs.indices.max { item.outputs[$0] < item.outputs[$1] }!
        let (attribution, error) = ig.attribute(embeddings: item.embeddings!, tokens: n, dimension: d) { rows in
            model.outputsAndInputGradients(rows, tokens: n, target: target)
        }
        return (attribution.scores.map(Double.init), error)
    }
    /// All sentences under one schedule, split over `threads` workers (each with its own model copy).
    func run(_ ig: IntegratedGradients) -> [Result] {
        let slots = OrderedSlots<Result>(count: forwards.count)
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var local = model
            for i in stride(from: worker, to: forwards.count, by: threads) { slots.set(i, integrate(ig, forwards[i], model: &local)) }
        }
        return slots.values()
    }
    /// Per sentence: the largest |a − b| over tokens, in units of max |reference|.
    func worst(_ a: [Result], _ reference: [[Double]]) -> [Double] {
        zip(a, reference).map { result, ref in
            let scale = max(ref.map(abs).max() ?? 0, 1e-12)
            return zip(result.scores, ref).map { abs($0 - $1) }.max()! / scale
        }
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    print("integrated gradients on \(forwards.count) SST-5 test sentences of \(title), \(threads) threads")
    let converged = run(IntegratedGradients(schedule: .gaussLegendre(points: referenceNodes))).map(\.scores)
    let check = worst(run(IntegratedGradients(schedule: .gaussLegendre(points: referenceNodes / 2))), converged)
    print(String(format: "reference: %d vs %d Gauss–Legendre nodes differ by at most %.2e of max |score| (median %.2e)",
                 referenceNodes / 2, referenceNodes, check.max()!, median(check)))
    print("")
    print("| schedule | evaluations / sentence (mean) | sentences with every token within 1 % | worst token error | median completeness error | seconds |")
    print("|---|---|---|---|---|---|")
    let candidates: [(String, IntegratedGradients)] = [
        ("uniform right Riemann, 50 steps", IntegratedGradients(schedule: .uniform(steps: 50))),
        ("Gauss–Legendre \(today.schedule.steps), refined to 5 % total (the build's rule)", today),
        ("Gauss–Legendre 16", IntegratedGradients(schedule: .gaussLegendre(points: 16))),
        ("Gauss–Legendre 50", IntegratedGradients(schedule: .gaussLegendre(points: 50))),
        ("graded Gauss–Legendre p=2, 16", IntegratedGradients(schedule: .gradedGaussLegendre(points: 16, power: 2))),
        ("graded Gauss–Legendre p=2, 24", IntegratedGradients(schedule: .gradedGaussLegendre(points: 24, power: 2))),
        ("graded Gauss–Legendre p=2, 32", IntegratedGradients(schedule: .gradedGaussLegendre(points: 32, power: 2))),
        ("graded Gauss–Legendre p=3, 16", IntegratedGradients(schedule: .gradedGaussLegendre(points: 16, power: 3))),
        ("graded Gauss–Legendre p=3, 24", IntegratedGradients(schedule: .gradedGaussLegendre(points: 24, power: 3))),
        ("graded Gauss–Legendre p=3, 32", IntegratedGradients(schedule: .gradedGaussLegendre(points: 32, power: 3))),
        ("adaptive Gauss–Kronrod, 1 interval, 0.5 %", IntegratedGradients(schedule: .adaptiveGaussKronrod(intervals: 1),
                                                                           relativeTolerance: 0.005, maximumSteps: 400)),
        ("adaptive Gauss–Kronrod, 1 interval, 0.25 %", IntegratedGradients(schedule: .adaptiveGaussKronrod(intervals: 1),
                                                                            relativeTolerance: 0.0025, maximumSteps: 400)),
        ("adaptive Gauss–Kronrod, 2 intervals, 0.5 %", IntegratedGradients(schedule: .adaptiveGaussKronrod(intervals: 2),
                                                                            relativeTolerance: 0.005, maximumSteps: 400)),
        ("adaptive Gauss–Kronrod, 3 intervals, 1 %", IntegratedGradients(schedule: .adaptiveGaussKronrod(intervals: 3),
                                                                          relativeTolerance: 0.01, maximumSteps: 400)),
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
