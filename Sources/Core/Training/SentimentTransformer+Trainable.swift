// SentimentTransformer+Trainable: the from-scratch transformer as a `TrainableModel` (one parameter arena, one Adam).

extension SentimentTransformer: TrainableModel {
    public var maximumLength: Int { configuration.maxLength }

    /// Adam with the embedding table's learning-rate factor and, when set, its untrained rows frozen.
    public func makeOptimiser(_ options: TrainingOptions) -> Adam {
        let table = layout.entry(named: "embedding.weight")
        return Adam(layout: layout, weightDecay: options.weightDecay,
                    multipliers: options.embeddingLearningRateMultiplier == 1 ? [:]
                        : ["embedding.weight": options.embeddingLearningRateMultiplier],
                    trainableScalars: options.frozenEmbeddingRowsFrom.flatMap { rows in
                        table.map { ["embedding.weight": rows * $0.shape[1]] }
                    } ?? [:])
    }

    public mutating func trainingLoss(batch: TokenBatch, targets: [TrainingTarget], rng: inout SplitMix64) -> Float {
        lossAndBackward(batch: batch, targets: targets, training: true, rng: &rng)
    }

    public mutating func gradientNorm(threads: Int) -> Float {
        withArenas { _, g, count in Core.gradientNorm(g, count: count, threads: threads) }
    }

    /// Adam clips (scales) and zeroes each gradient as it reads it: the next backward starts from zero.
    public mutating func update(_ optimiser: inout Adam, learningRate: Float, gradientScale: Float, threads: Int) {
        withArenas { p, g, _ in
            optimiser.update(parameters: p, gradients: g, learningRate: learningRate, gradientScale: gradientScale,
                             zeroingGradients: true, threads: threads)
        }
    }

    public mutating func restore(_ values: [Float]) {
        withArenas { p, g, count in
            precondition(values.count == count, "\(values.count) values for \(count) parameters")
            values.withUnsafeBufferPointer { p.update(from: $0.baseAddress!, count: count) }
            g.update(repeating: 0, count: count)
        }
    }
}
