// BertSequenceClassifier+Trainable: fine-tuning the whole classifier through `Trainer` — dropout on, cross-entropy,
// the gradients of encoder and head, AdamW over both arenas with a larger rate for the new head.

/// AdamW over the encoder's arena and over the head's: the head's rate is `headLearningRate / learningRate` times the
/// encoder's at every step of the schedule. Biases and LayerNorm scales are not decayed (Hugging Face `Trainer`).
public struct BertFineTuningOptimiser: Sendable {
    public var encoder: Adam
    public var head: Adam
}

extension BertSequenceClassifier: TrainableModel {
    public var threads: Int {
        get { encoder.threads }
        set { encoder.threads = newValue }
    }

    /// Tensors weight decay leaves alone: every bias and every LayerNorm scale.
    static func isDecayExempt(_ name: String) -> Bool {
        name.hasSuffix(".bias") || name.hasSuffix("norm.weight")
    }

    public func makeOptimiser(_ options: TrainingOptions) -> BertFineTuningOptimiser {
        let headFactor = (options.headLearningRate ?? options.learningRate) / options.learningRate
        return BertFineTuningOptimiser(
            encoder: Adam(layout: encoder.layout, weightDecay: options.weightDecay, decayExempt: Self.isDecayExempt),
            head: Adam(layout: head.layout, weightDecay: options.weightDecay, multipliers: ["": headFactor],
                       decayExempt: Self.isDecayExempt))
    }

    public mutating func reserve(batchSize: Int, length: Int) {
        let n = min(length, maximumLength)
        encoder.reserve(batchSize: batchSize, length: n, training: true)
    }

    public mutating func zeroGradients() {
        encoderGradients = [Float](repeating: 0, count: encoder.parameterCount)
        headGradients = [Float](repeating: 0, count: head.layout.count)
    }

    /// Drop(encoder) → Drop(pooler) → classifier → mean cross-entropy, then back through both.
    public mutating func trainingLoss(batch: TokenBatch, targets: [TrainingTarget], rng: inout SplitMix64) -> Float {
        if encoderGradients.count != encoder.parameterCount || headGradients.count != head.layout.count { zeroGradients() }
        let classes = targets.map { target -> Int in
            guard case .classIndex(let c) = target else { preconditionFailure("a BERT classifier needs class targets") }
            return c
        }
        let hidden = encoder.trainingForward(batch, dropout: true, rng: &rng)
        let rate = classifierDropout
        let pass = headGradients.withUnsafeMutableBufferPointer {
            head.trainingPass(hidden: hidden, targets: classes, dropout: rate, rng: &rng, gradients: $0.baseAddress!)
        }
        encoderGradients.withUnsafeMutableBufferPointer { encoder.trainingBackward(pass.hiddenGradient, into: $0.baseAddress!) }
        return pass.loss
    }

    public mutating func gradientNorm(threads: Int) -> Float {
        let e = encoderGradients.withUnsafeBufferPointer { Core.gradientNorm($0.baseAddress!, count: $0.count, threads: threads) }
        let h = headGradients.withUnsafeBufferPointer { Core.gradientNorm($0.baseAddress!, count: $0.count, threads: 1) }
        return (e * e + h * h).squareRoot()
    }

    public mutating func update(_ optimiser: inout BertFineTuningOptimiser, learningRate: Float, gradientScale: Float,
                                threads: Int) {
        let p = encoder.mutableParameters()
        encoderGradients.withUnsafeMutableBufferPointer {
            optimiser.encoder.update(parameters: p, gradients: $0.baseAddress!, learningRate: learningRate,
                                     gradientScale: gradientScale, zeroingGradients: true, threads: threads)
        }
        head.parameters.withUnsafeMutableBufferPointer { hp in
            headGradients.withUnsafeMutableBufferPointer {
                optimiser.head.update(parameters: hp.baseAddress!, gradients: $0.baseAddress!, learningRate: learningRate,
                                      gradientScale: gradientScale, zeroingGradients: true, threads: 1)
            }
        }
    }

    /// The encoder's parameters, then the head's.
    public var parameterValues: [Float] {
        encoder.withParameters { Array($0) } + head.parameters
    }

    public mutating func restore(_ values: [Float]) {
        let n = encoder.parameterCount
        precondition(values.count == n + head.layout.count, "\(values.count) values for \(n + head.layout.count) parameters")
        let p = encoder.mutableParameters()
        values.withUnsafeBufferPointer { p.update(from: $0.baseAddress!, count: n) }
        head.parameters = Array(values[n...])
        zeroGradients()
    }

    public mutating func evaluate(_ examples: [TrainingExample], batchSize: Int) -> EvaluationResult {
        EvaluationResult(logits: predict(examples.map(\.ids), batchSize: batchSize), examples: examples,
                         classes: head.classes)
    }
}
