// Trainer: the training loop (batches, Adam, clipping, schedule), dev evaluation, early stopping, NaN guard.
import Foundation

/// How to train. Defaults are the recipe of RESEARCH.md that reached the SST-5 target in PyTorch.
public struct TrainingOptions: Codable, Sendable, Equatable {
    public var learningRate: Float = 5e-4
    /// The rate of a new classifier head on a pretrained encoder (`learningRate` is then the encoder's); nil: the same.
    public var headLearningRate: Float? = nil
    public var batchSize = 64
    public var warmupSteps = 200
    /// Linear decay to zero at the end of the budget (steps or time).
    public var decay = true
    /// Passes over the training data (the step budget), unless `timeBudget` ends training first.
    public var epochs = 10
    /// When set, training stops after this many steps (a fractional number of epochs), and the schedule decays to
    /// zero there.
    public var maxSteps: Int? = nil
    /// Seconds; when set, the schedule decays to zero at this time and training stops there.
    public var timeBudget: Double? = nil
    public var clipNorm: Float = 1.0
    public var weightDecay: Float = 0
    /// Learning-rate factor for the embedding table (RESEARCH.md: 10 helps with random embeddings).
    public var embeddingLearningRateMultiplier: Float = 1
    /// Word dropout: each training token becomes `unknownID` with this probability, drawn afresh at every step.
    /// Without it the unknown word's embedding is never trained (every training word is in the vocabulary), yet
    /// dev and test sentences use it for every word unseen in training.
    public var wordDropout: Float = 0
    /// The id of the unknown word (`Vocabulary.unknownIndex`).
    public var unknownID: Int32 = 1
    /// When set, embedding rows from this id on are frozen (words added from GloVe that no training example has;
    /// see `Adam.init(trainableScalars:)`).
    public var frozenEmbeddingRowsFrom: Int? = nil
    /// Evaluate on dev every this many steps (and at the end of every epoch).
    public var evaluateEvery = 500
    /// Stop after this many evaluations without a better dev score (nil: never stop early).
    public var patience: Int? = nil
    public var seed: UInt64 = 0
    /// Threads for the model's own loops and Adam (set BLAS threads separately).
    public var threads = 2

    public init() {}

    enum CodingKeys: String, CodingKey {
        case learningRate = "learning_rate", headLearningRate = "head_learning_rate", batchSize = "batch_size"
        case warmupSteps = "warmup_steps", decay, epochs, maxSteps = "max_steps"
        case timeBudget = "time_budget", clipNorm = "clip_norm", weightDecay = "weight_decay"
        case embeddingLearningRateMultiplier = "embedding_learning_rate_multiplier"
        case wordDropout = "word_dropout", unknownID = "unknown_id", frozenEmbeddingRowsFrom = "frozen_embedding_rows_from"
        case evaluateEvery = "evaluate_every", patience, seed, threads
    }
}

/// What the trainer reports to its caller (which prints it); values only, no terminal here.
public struct TrainingProgress: Sendable {
    public enum Event: Sendable { case step, evaluation }
    public var event: Event
    public var epoch: Int
    public var step: Int
    /// The step budget (epochs × batches per epoch).
    public var totalSteps: Int
    /// Mean training loss since the last report.
    public var loss: Float
    public var learningRate: Float
    /// Real (unpadded) training tokens per second of training so far (dev evaluations not counted).
    public var tokensPerSecond: Double
    public var elapsed: Double
    /// Estimated seconds left (from the step or time budget, whichever ends first).
    public var remaining: Double
    /// Set on `.evaluation`.
    public var development: EvaluationResult?
    public var isBest: Bool
}

/// A non-finite loss or gradient: where it happened and the last finite loss before it.
public struct TrainingFailure: Codable, Sendable, Equatable {
    public var step: Int
    public var lastFiniteLoss: Float?
    public var message: String
    /// Which parameters the model was left with: the best dev evaluation's, or the initial ones.
    public var restored: String

    public init(step: Int, lastFiniteLoss: Float?, message: String, restored: String) {
        self.step = step
        self.lastFiniteLoss = lastFiniteLoss
        self.message = message
        self.restored = restored
    }
}

/// The record of a run.
public struct TrainingHistory: Codable, Sendable {
    public struct Evaluation: Codable, Sendable {
        public var step: Int
        public var epoch: Int
        public var elapsed: Double
        public var trainingLoss: Float
        public var development: EvaluationResult
    }
    public var evaluations: [Evaluation] = []
    public var steps = 0
    public var epochs = 0
    public var elapsed = 0.0
    /// Seconds spent evaluating on dev (part of `elapsed`).
    public var evaluationSeconds = 0.0
    /// Real training tokens per second of training time (`elapsed − evaluationSeconds`).
    public var tokensPerSecond = 0.0
    /// Step of the best dev evaluation; its parameters are the ones left in the model.
    public var bestStep: Int?
    public var bestDevelopment: EvaluationResult?
    public var stoppedEarly = false
    /// Set when training stopped on a NaN or infinite loss.
    public var failure: TrainingFailure?

    public init() {}
}

/// Trains a `TrainableModel` (the from-scratch transformer, a fine-tuned BERT classifier) on plain examples.
/// Deterministic for a seed, whatever the thread count (`TrainingThreadIndependenceTests`).
public struct Trainer: Sendable {
    public var options: TrainingOptions
    /// Seconds between `.step` progress reports.
    public var reportInterval = 2.0
    /// The clock; tests may replace it.
    public var clock: @Sendable () -> Double = { Date().timeIntervalSinceReferenceDate }
    /// When set, asked before every step how many threads the step may use (instead of `options.threads`): the
    /// build trains models side by side on one core each and hands a finished neighbour's core to the one still
    /// running. The parameters do not depend on it.
    public var threadsForStep: (@Sendable () -> Int)? = nil

    public init(options: TrainingOptions) { self.options = options }

    /// Trains `model` in place. On return the model holds the best-dev parameters (or, without any
    /// evaluation, the last parameters whose loss was finite). A NaN/∞ loss or gradient stops training
    /// and is recorded in `history.failure` (the caller should then exit non-zero).
    public func train<Model: TrainableModel>(_ model: inout Model, training: [TrainingExample],
                                             development: [TrainingExample],
                                             progress: (TrainingProgress) -> Void = { _ in }) -> TrainingHistory {
        precondition(!training.isEmpty, "no training examples")
        let o = options
        model.threads = o.threads
        let batcher = LengthBucketingBatcher(batchSize: o.batchSize, maxLength: model.maximumLength)
        let lengths = training.map { min($0.ids.count, model.maximumLength) }
        let batchesPerEpoch = (training.count + o.batchSize - 1) / o.batchSize
        let totalSteps = max(1, min(batchesPerEpoch * o.epochs, o.maxSteps ?? .max))
        var optimiser = model.makeOptimiser(o)
        let schedule = LearningRateSchedule(peak: o.learningRate, warmupSteps: o.warmupSteps, decay: o.decay)
        var rng = SplitMix64(seed: o.seed)
        var dropoutRNG = rng.split(1)
        var wordRNG = rng.split(2)
        var history = TrainingHistory()
        var best: (score: Double, loss: Double, parameters: [Float])?
        var sinceBest = 0
        var lastFiniteLoss: Float?
        let initial = model.parameterValues
        model.zeroGradients()
        model.reserve(batchSize: o.batchSize, length: lengths.max()!)
        let start = clock()
        var tokens = 0, step = 0
        var reportLoss: Double = 0, reportCount = 0, lastReport = start
        var warmupProgress = 0.0
        var lossSinceEvaluation: Double = 0, countSinceEvaluation = 0

        func elapsed() -> Double { clock() - start }
        func trainingRate() -> Double { Double(tokens) / max(1e-9, elapsed() - history.evaluationSeconds) }
        func progressFraction() -> Double {
            let byStep = Double(step) / Double(totalSteps)
            guard let budget = o.timeBudget else { return byStep }
            return max(byStep, elapsed() / budget)
        }
        func evaluate(epoch: Int) -> Bool {
            guard !development.isEmpty else { return false }
            let evaluationStart = clock()
            let result = model.evaluate(development, batchSize: max(o.batchSize, 64))
            history.evaluationSeconds += clock() - evaluationStart
            let trainingLoss = countSinceEvaluation > 0 ? Float(lossSinceEvaluation / Double(countSinceEvaluation)) : .nan
            lossSinceEvaluation = 0
            countSinceEvaluation = 0
            history.evaluations.append(.init(step: step, epoch: epoch, elapsed: elapsed(), trainingLoss: trainingLoss,
                                             development: result))
            // Better: a higher score, or the same score with a lower loss; never a non-finite one.
            let isFinite = result.score.isFinite && result.loss.isFinite
            let isBest = isFinite
                && (best.map { result.score > $0.score || (result.score == $0.score && result.loss < $0.loss) } ?? true)
            if isBest {
                best = (result.score, result.loss, model.parameterValues)
                history.bestStep = step
                history.bestDevelopment = result
                sinceBest = 0
            } else {
                sinceBest += 1
            }
            progress(TrainingProgress(event: .evaluation, epoch: epoch, step: step, totalSteps: totalSteps,
                                      loss: trainingLoss, learningRate: 0,
                                      tokensPerSecond: trainingRate(), elapsed: elapsed(),
                                      remaining: remaining(), development: result, isBest: isBest))
            if let patience = o.patience, sinceBest > patience { history.stoppedEarly = true; return true }
            return false
        }
        func remaining() -> Double {
            let fraction = progressFraction()
            let bySteps = fraction > 0 ? elapsed() * (1 - fraction) / fraction : .infinity
            if let budget = o.timeBudget { return max(0, min(bySteps, budget - elapsed())) }
            return bySteps
        }

        training: for epoch in 1...max(1, o.epochs) {
            history.epochs = epoch
            for indices in batcher.epoch(lengths: lengths, rng: &rng) {
                if let budget = o.timeBudget, elapsed() >= budget { break training }
                if step >= totalSteps { break training }
                let threads = max(1, threadsForStep?() ?? o.threads)
                if threads != model.threads {
                    model.threads = threads
                    model.reserve(batchSize: o.batchSize, length: lengths.max()!)
                }
                var (batch, targets) = batcher.makeBatch(training, indices: indices)
                if o.wordDropout > 0 { Self.dropWords(&batch, rate: o.wordDropout, unknownID: o.unknownID, rng: &wordRNG) }
                let loss = model.trainingLoss(batch: batch, targets: targets, rng: &dropoutRNG)
                let norm = model.gradientNorm(threads: threads)
                guard loss.isFinite && norm.isFinite else {
                    let what = loss.isFinite ? "gradient norm is \(norm)" : "loss is \(loss)"
                    let restored = history.bestStep.map { "best dev parameters (step \($0))" } ?? "initial parameters"
                    history.failure = TrainingFailure(step: step + 1, lastFiniteLoss: lastFiniteLoss,
                                                      message: "training diverged at step \(step + 1): the \(what)",
                                                      restored: restored)
                    break training
                }
                lastFiniteLoss = loss
                if step == o.warmupSteps { warmupProgress = progressFraction() }
                let rate = schedule.rate(step: step, progress: progressFraction(), warmupProgress: warmupProgress)
                model.update(&optimiser, learningRate: rate, gradientScale: clippingScale(norm: norm, maxNorm: o.clipNorm),
                             threads: threads)
                step += 1
                history.steps = step
                tokens += batch.lengths.reduce(0, +)
                reportLoss += Double(loss); reportCount += 1
                lossSinceEvaluation += Double(loss); countSinceEvaluation += 1
                if clock() - lastReport >= reportInterval {
                    lastReport = clock()
                    progress(TrainingProgress(event: .step, epoch: epoch, step: step, totalSteps: totalSteps,
                                              loss: Float(reportLoss / Double(reportCount)), learningRate: rate,
                                              tokensPerSecond: trainingRate(), elapsed: elapsed(),
                                              remaining: remaining(), development: nil, isBest: false))
                    reportLoss = 0; reportCount = 0
                }
                if o.evaluateEvery > 0 && step % o.evaluateEvery == 0 && evaluate(epoch: epoch) { break training }
            }
            if evaluate(epoch: epoch) { break training }
        }
        if history.failure == nil && countSinceEvaluation > 0 { _ = evaluate(epoch: history.epochs) }
        history.elapsed = elapsed()
        history.tokensPerSecond = Double(tokens) / max(1e-9, history.elapsed - history.evaluationSeconds)
        // Leave the best dev parameters; after a failure without any evaluation, the initial ones
        // (the parameters that produced the non-finite loss are not good, and neither, perhaps, are
        // the ones just before them).
        if let keep = best?.parameters ?? (history.failure != nil ? initial : nil) { model.restore(keep) }
        return history
    }

    /// Replaces each real token of `batch` by `unknownID` with probability `rate` (padding stays 0).
    static func dropWords(_ batch: inout TokenBatch, rate: Float, unknownID: Int32, rng: inout SplitMix64) {
        let threshold = UInt64(Double(rate) * 0x1p32)
        for b in 0..<batch.batchSize {
            for t in 0..<batch.lengths[b] where rng.next() >> 32 < threshold {
                batch.ids[b * batch.length + t] = unknownID
            }
        }
    }
}
