// atlas-bench: verifies the model, then prints sgemm, training and inference throughput with 1 and 2 threads.
//
// Usage: swift run -c release atlas-bench [--runs N] [--steps N] [--threads 1,2] [--batch-size 32]
//        [--blas-threads N  (let OpenBLAS thread the products instead of the model)]
//        [--sst DIR --seconds N  (train on real SST-5 sentences instead; see SSTRun.swift)]
//        [--minilm MODEL_DIR --sst DIR  (all-MiniLM-L6-v2 inference on SST-5 test sentences; see MiniLMRun.swift)]
//        [--attention-methods  (one thread: the forward pass and each attention method alone; see AttentionMethodsRun.swift)]
//        [--decomposition-methods  (sentences/s of each decomposition method through the tracer, 1 and 2 threads)]
//        [--ig-accuracy CHECKPOINT [--minilm ENCODER] [--sentences 60] [--reference 2048]  (IG against the converged integral)]
// Workloads mirror ../shared/reference/bench_sst_model.py (the PyTorch reference): the default SST
// model (vocabulary 16,000), SST-like lengths (Gamma mean 19, sd 9, rounded, clipped to [2, 56]),
// length-bucketed batches (sort all lengths, cut into batches, shuffle batch order); training is
// batch 32 forward + backward + clipping + Adam, inference batch 64 in evaluation mode.
import Core
import Foundation

struct Options {
    var runs = 3
    var steps = 30
    var warmup = 5
    var batchSize = 32
    var inferenceBatches = 10
    var threads = [1, 2]
    /// BLAS threads; nil = 1 (the model splits products over its own threads).
    var blasThreads: Int? = nil
    /// With a directory: train on real SST-5 sentences for `seconds` instead of the table.
    var sst: String? = nil
    var seconds = 120.0
    /// With a model folder: time all-MiniLM-L6-v2 inference instead (MiniLMRun.swift).
    var miniLM: String? = nil
    var idsOutput = "/tmp/minilm-ids.json"
    /// With a checkpoint folder: integrated gradients' per-token error against the converged integral instead.
    var igAccuracy: String? = nil
    var sentences = 60
    /// Gauss–Legendre nodes of the converged integral `--ig-accuracy` compares with (and half as many as its check).
    var referenceNodes = 2048
    /// Time each attention method alone instead (AttentionMethodsRun.swift).
    var attentionMethods = false
    /// Time each decomposition method through the tracer instead (AttentionMethodsRun.swift).
    var decompositionMethods = false

    init(_ arguments: [String]) {
        var i = 1
        while i < arguments.count {
            let value = i + 1 < arguments.count ? arguments[i + 1] : ""
            if arguments[i] == "--attention-methods" {  // the one flag without a value
                attentionMethods = true
                i += 1
                continue
            }
            if arguments[i] == "--decomposition-methods" {
                decompositionMethods = true
                i += 1
                continue
            }
            switch arguments[i] {
            case "--runs": runs = Int(value) ?? runs
            case "--steps": steps = Int(value) ?? steps
            case "--warmup": warmup = Int(value) ?? warmup
            case "--batch-size": batchSize = Int(value) ?? batchSize
            case "--inference-batches": inferenceBatches = Int(value) ?? inferenceBatches
            case "--blas-threads": blasThreads = Int(value)
            case "--sst": sst = value
            case "--minilm": miniLM = value
            case "--ids-output": idsOutput = value
            case "--ig-accuracy": igAccuracy = value
            case "--sentences": sentences = Int(value) ?? sentences
            case "--reference": referenceNodes = Int(value) ?? referenceNodes
            case "--seconds": seconds = Double(value) ?? seconds
            case "--threads": threads = value.split(separator: ",").compactMap { Int($0) }
            default: print("unknown argument \(arguments[i])"); exit(2)
            }
            i += 2
        }
    }
}

/// Gamma(shape k, scale θ) by Marsaglia & Tsang (2000), k ≥ 1.
func gamma(shape k: Double, scale: Double, rng: inout SplitMix64) -> Double {
    let d = k - 1.0 / 3, c = 1 / (9 * d).squareRoot()
    while true {
        let x = Double(rng.nextNormal())
        let v = pow(1 + c * x, 3)
        if v <= 0 { continue }
        let u = rng.nextUnitDouble()
        if log(max(u, 1e-300)) < 0.5 * x * x + d - d * v + d * log(v) { return d * v * scale }
    }
}

/// `count` bucketed batches of `batchSize` random sequences with SST-like lengths.
func makeBatches(count: Int, batchSize: Int, vocabulary: Int, rng: inout SplitMix64) -> [TokenBatch] {
    let k = (19.0 / 9) * (19.0 / 9)
    let lengths = (0..<(count * batchSize)).map { _ in
        min(56, max(2, Int(gamma(shape: k, scale: 19 / k, rng: &rng).rounded())))
    }.sorted()
    var batches = (0..<count).map { b in
        TokenBatch(padding: lengths[b * batchSize..<(b + 1) * batchSize].map { n in
            (0..<n).map { _ in Int32(1 + Int(rng.next() % UInt64(vocabulary - 1))) }
        })
    }
    batches.shuffle(using: &rng)
    return batches
}

func now() -> Double { Date().timeIntervalSinceReferenceDate }
func median(_ values: [Double]) -> Double { let s = values.sorted(); return s[s.count / 2] }
func format(_ value: Double) -> String { String(format: value >= 100 ? "%.0f" : "%.1f", value) }

// MARK: - Verification

/// Batched outputs must equal one-sentence-at-a-time outputs (padding and batching change nothing).
func verify(_ model: inout SentimentTransformer, rng: inout SplitMix64) -> Float {
    let batch = makeBatches(count: 1, batchSize: 6, vocabulary: model.configuration.vocabularySize, rng: &rng)[0]
    let sequences = (0..<6).map { b in Array(batch.ids[b * batch.length..<b * batch.length + batch.lengths[b]]) }
    let loose = TokenBatch(padding: sequences + [Array(repeating: 1, count: batch.length + 3)])
    let batched = model.outputs(batch: loose)
    var worst: Float = 0
    for (b, sequence) in sequences.enumerated() {
        let single = model.outputs(batch: TokenBatch(padding: [sequence]))
        for c in 0..<model.configuration.outputs { worst = max(worst, abs(single[0, c] - batched[b, c])) }
    }
    return worst
}

// MARK: - Workloads

func sgemmGFLOPs(runs: Int) -> Double {
    let n = 1024
    var rng = SplitMix64(seed: 1)
    let a = (0..<(n * n)).map { _ in rng.nextUnitFloat() }, b = (0..<(n * n)).map { _ in rng.nextUnitFloat() }
    var c = [Float](repeating: 0, count: n * n)
    var rates: [Double] = []
    for run in 0...runs {
        let start = now()
        a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in c.withUnsafeMutableBufferPointer { pc in
            gemm(.none, .none, m: n, n: n, k: n, pa.baseAddress!, lda: n, pb.baseAddress!, ldb: n, pc.baseAddress!, ldc: n)
        } } }
        if run > 0 { rates.append(2 * Double(n * n * n) / (now() - start) / 1e9) }
    }
    return median(rates)
}

func trainingTokensPerSecond(_ model: inout SentimentTransformer, options: Options, threads: Int) -> (Double, Double) {
    var rng = SplitMix64(seed: 2)
    let batches = makeBatches(count: options.steps, batchSize: options.batchSize, vocabulary: model.configuration.vocabularySize, rng: &rng)
    var adam = Adam(layout: model.layout)
    model.zeroGradients()
    model.reserve(batchSize: options.batchSize, length: batches.map(\.length).max()!)
    var dropout = SplitMix64(seed: 3)
    func step(_ batch: TokenBatch) {
        let targets = (0..<batch.batchSize).map { TrainingTarget.classIndex(Int(batch.ids[$0 * batch.length]) % 5) }
        _ = model.lossAndBackward(batch: batch, targets: targets, rng: &dropout)
        model.withArenas { p, g, count in
            let norm = gradientNorm(g, count: count, threads: threads)
            adam.update(parameters: p, gradients: g, learningRate: 1e-4, gradientScale: clippingScale(norm: norm, maxNorm: 1),
                        zeroingGradients: true, threads: threads)
        }
    }
    for batch in batches.prefix(options.warmup) { step(batch) }
    let tokens = Double(batches.map { $0.lengths.reduce(0, +) }.reduce(0, +))
    let padded = Double(batches.map { $0.ids.count }.reduce(0, +))
    var rates: [Double] = []
    for _ in 0..<options.runs {
        let start = now()
        for batch in batches { step(batch) }
        rates.append(tokens / (now() - start))
    }
    return (median(rates), padded / tokens)
}

func inferenceSentencesPerSecond(_ model: inout SentimentTransformer, options: Options) -> Double {
    var rng = SplitMix64(seed: 4)
    let batches = makeBatches(count: options.inferenceBatches, batchSize: 64,
                              vocabulary: model.configuration.vocabularySize, rng: &rng)
    for batch in batches.prefix(2) { _ = model.outputs(batch: batch) }
    var rates: [Double] = []
    for _ in 0..<options.runs {
        let start = now()
        for batch in batches { _ = model.outputs(batch: batch) }
        rates.append(Double(batches.count * 64) / (now() - start))
    }
    return median(rates)
}

// MARK: - Main

let options = Options(CommandLine.arguments)
if options.attentionMethods {
    try runAttentionMethods(runs: options.runs)
    exit(0)
}
if options.decompositionMethods {
    try runDecompositionMethods(runs: options.runs)
    exit(0)
}
if let folder = options.igAccuracy {
    try runIntegratedGradientsAccuracy(model: folder, encoder: options.miniLM, sstDirectory: options.sst ?? "../shared/corpora/sst",
                                       sentences: options.sentences, referenceNodes: options.referenceNodes,
                                       threads: options.threads.max() ?? 2)
    exit(0)
}
if let folder = options.miniLM {
    try runMiniLM(folder: folder, sstDirectory: options.sst ?? "../shared/corpora/sst", threads: options.threads,
                  runs: options.runs, idsOutput: options.idsOutput)
    exit(0)
}
if let directory = options.sst {
    try runSST(directory: directory, seconds: options.seconds, threads: options.threads.max() ?? 2)
    exit(0)
}
var configuration = ModelConfiguration()
configuration.vocabularySize = 16_000
var model = try SentimentTransformer(configuration: configuration, seed: 0)
print("atlas-bench: default SST model, \(model.parameterCount) parameters; runs \(options.runs), train steps \(options.steps)")
setBLASThreads(1)
model.threads = 2
var verifyRNG = SplitMix64(seed: 9)
let difference = verify(&model, rng: &verifyRNG)
print("check: batched vs one-at-a-time outputs, max |difference| = \(difference)")
guard difference < 1e-3 else { print("FAILED: batched and single outputs disagree"); exit(1) }

print("| workload | threads | median |")
print("|---|---|---|")
for threads in options.threads {
    setBLASThreads(threads)
    print("| sgemm 1024³, GFLOP/s | \(threads) | \(format(sgemmGFLOPs(runs: options.runs))) |")
    setBLASThreads(options.blasThreads ?? 1)
    model.threads = options.blasThreads.map { _ in 1 } ?? threads
    let (train, padding) = trainingTokensPerSecond(&model, options: options, threads: threads)
    print("| training (batch \(options.batchSize), bucketed, padding ×\(String(format: "%.2f", padding))), real tokens/s | \(threads) | \(format(train)) |")
    print("| inference (batch 64), sentences/s | \(threads) | \(format(inferenceSentencesPerSecond(&model, options: options))) |")
    setBLASThreads(1)
    let tracing = tracingSentencesPerSecond(model, threads: threads, runs: options.runs)  // a few seconds a run; one run proved too noisy
    print("| LAT + 5 attention methods incl. attention flow (batch 64), sentences/s | \(threads) | \(format(tracing.attention)) |")
    print("| integrated gradients, 50 steps, sentences/s | \(threads) | \(format(tracing.ig)) |")
    let faithfulness = faithfulnessExamplesPerSecond(model, threads: threads, runs: max(1, options.runs / 2))
    print("| faithfulness (\(faithfulness.keys) method × layer vectors × 5 bins × 2), examples/s | \(threads) | \(format(faithfulness.rate)) |")
}
