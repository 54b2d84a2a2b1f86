// NarrativeTrainer: Adam over both arenas, global-norm clipping, dev CCC each epoch, best parameters kept.
import Foundation

/// How to train the narrative model.
public struct NarrativeTrainingOptions: Codable, Sendable, Equatable {
    public var learningRate: Float = 1e-3
    /// Narratives per batch.
    public var batchSize = 8
    public var warmupSteps = 20
    public var epochs = 20
    /// Seconds; when set, the learning rate decays to zero at this time and training stops there.
    public var timeBudget: Double? = nil
    public var clipNorm: Float = 1
    public var seed: UInt64 = 0
    public var threads = 2

    public init() {}

    enum CodingKeys: String, CodingKey {
        case learningRate = "learning_rate", batchSize = "batch_size", warmupSteps = "warmup_steps", epochs
        case timeBudget = "time_budget", clipNorm = "clip_norm", seed, threads
    }
}

/// A progress report (values only; the caller prints).
public struct NarrativeProgress: Sendable {
    public var epoch: Int
    public var step: Int
    public var elapsed: Double
    /// Mean training loss of the epoch so far.
    public var loss: Float
    /// Set at the end of each epoch when there is a dev set.
    public var development: NarrativeEvaluation?
}

/// The record of a run.
public struct NarrativeTrainingHistory: Codable, Sendable {
    public var steps = 0
    public var epochs = 0
    public var elapsed = 0.0
    public var epochLosses: [Float] = []
    public var developmentConcordances: [Double] = []
    /// The epoch whose parameters were kept (best dev CCC), if any evaluation ran.
    public var bestEpoch: Int?
    public var bestDevelopment: NarrativeEvaluation?
    /// Set when the loss or gradient norm stopped being finite (the best or initial parameters are kept).
    public var failure: String?
}

public enum NarrativeTrainer {
    /// Trains `model` in place (shuffled batches of narratives, Adam on both arenas with one global clipping
    /// norm, warm-up then linear decay to the step or time budget). After each epoch the pooled dev CCC is
    /// measured; the model is left with the parameters of the best one (or the last finite ones without dev).
    public static func train(_ model: inout NarrativeModel, training: [NarrativeExample],
                             development: [NarrativeExample], options o: NarrativeTrainingOptions,
                             clock: () -> Double = { Date().timeIntervalSinceReferenceDate },
                             progress: (NarrativeProgress) -> Void = { _ in }) -> NarrativeTrainingHistory {
        precondition(!training.isEmpty, "no training narratives")
        model.encoder.threads = o.threads
        var encoderAdam = Adam(layout: model.encoder.layout), headAdam = Adam(layout: model.layout)
        let schedule = LearningRateSchedule(peak: o.learningRate, warmupSteps: o.warmupSteps)
        let batchesPerEpoch = (training.count + o.batchSize - 1) / o.batchSize
        let totalSteps = max(1, batchesPerEpoch * o.epochs)
        var rng = SplitMix64(seed: o.seed)
        var dropoutRNG = rng.split(1)
        var history = NarrativeTrainingHistory()
        var best: (score: Double, encoder: [Float], head: [Float])?
        let start = clock()
        var warmupProgress = 0.0
        func progressFraction() -> Double {
            let byStep = Double(history.steps) / Double(totalSteps)
            return o.timeBudget.map { max(byStep, (clock() - start) / $0) } ?? byStep
        }
        func snapshot() -> (encoder: [Float], head: [Float]) {
            (model.encoder.parameterValues, model.withArenas { p, _, n in Array(UnsafeBufferPointer(start: p, count: n)) })
        }
        let initial = snapshot()
        model.zeroGradients()
        training: for epoch in 1...max(1, o.epochs) {
            history.epochs = epoch
            var order = Array(training.indices)
            order.shuffle(using: &rng)
            var lossSum = 0.0, batches = 0
            for first in stride(from: 0, to: order.count, by: o.batchSize) {
                if let budget = o.timeBudget, clock() - start >= budget { break training }
                let batch = order[first..<min(order.count, first + o.batchSize)].map { training[$0] }
                let loss = model.lossAndBackward(batch, rng: &dropoutRNG)
                let encoderNorm = model.encoder.withArenas { _, g, n in gradientNorm(g, count: n, threads: o.threads) }
                let headNorm = model.withArenas { _, g, n in gradientNorm(g, count: n) }
                let norm = (encoderNorm * encoderNorm + headNorm * headNorm).squareRoot()
                guard loss.isFinite && norm.isFinite else {
                    history.failure = "training diverged at step \(history.steps + 1): loss \(loss), gradient norm \(norm)"
                    break training
                }
                if history.steps == o.warmupSteps { warmupProgress = progressFraction() }
                let rate = schedule.rate(step: history.steps, progress: progressFraction(), warmupProgress: warmupProgress)
                let scale = clippingScale(norm: norm, maxNorm: o.clipNorm)
                model.encoder.withArenas { p, g, _ in
                    encoderAdam.update(parameters: p, gradients: g, learningRate: rate, gradientScale: scale,
                                       zeroingGradients: true, threads: o.threads)
                }
                model.withArenas { p, g, _ in
                    headAdam.update(parameters: p, gradients: g, learningRate: rate, gradientScale: scale,
                                    zeroingGradients: true)
                }
                history.steps += 1
                lossSum += Double(loss); batches += 1
                progress(NarrativeProgress(epoch: epoch, step: history.steps, elapsed: clock() - start,
                                           loss: Float(lossSum / Double(batches)), development: nil))
            }
            history.epochLosses.append(Float(lossSum / Double(max(1, batches))))
            guard !development.isEmpty else { continue }
            let result = NarrativeEvaluation(predictions: model.predict(development, batchSize: o.batchSize),
                                             gold: development.map { $0.targets.map { $0.map(Double.init) } })
            history.developmentConcordances.append(result.concordance)
            let score = result.concordance.isFinite ? result.concordance : -.infinity
            if best == nil || score > best!.score {
                let values = snapshot()
                best = (score, values.encoder, values.head)
                history.bestEpoch = epoch
                history.bestDevelopment = result
            }
            progress(NarrativeProgress(epoch: epoch, step: history.steps, elapsed: clock() - start,
                                       loss: history.epochLosses.last!, development: result))
        }
        history.elapsed = clock() - start
        if let keep = best.map({ ($0.encoder, $0.head) }) ?? (history.failure != nil ? initial : nil) {
            restore(&model, encoder: keep.0, head: keep.1)
        }
        return history
    }

    static func restore(_ model: inout NarrativeModel, encoder: [Float], head: [Float]) {
        model.encoder.withArenas { p, g, n in
            encoder.withUnsafeBufferPointer { p.update(from: $0.baseAddress!, count: n) }
            g.update(repeating: 0, count: n)
        }
        model.withArenas { p, g, n in
            head.withUnsafeBufferPointer { p.update(from: $0.baseAddress!, count: n) }
            g.update(repeating: 0, count: n)
        }
    }
}
