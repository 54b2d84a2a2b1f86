// AttentionPoolingHead+Training: Adam on cached encoder states (the encoder is frozen, so each sentence is encoded once).

/// One training or evaluation example for the head: the frozen encoder's last hidden states of a
/// sentence, [n, D] (n real tokens, [CLS] and [SEP] included), and its class.
public struct EncodedSentence: Sendable {
    public var hidden: Tensor
    public var label: Int

    public init(hidden: Tensor, label: Int) {
        precondition(hidden.rank == 2 && hidden.shape[0] >= 1, "hidden must be [n ≥ 1, D], got \(hidden.shape)")
        self.hidden = hidden
        self.label = label
    }
}

/// How the head is trained.
public struct HeadTrainingOptions: Codable, Equatable, Sendable {
    public var epochs = 20
    public var batchSize = 32
    public var learningRate: Float = 1e-3
    public var weightDecay: Float = 0
    /// Stop after this many epochs without a better validation accuracy (with validation data).
    public var patience = 4
    public var poolingHidden = 128
    public var seed: UInt64 = 1

    public init() {}
}

/// The trained head and its learning curve.
public struct HeadTrainingResult: Sendable {
    /// The head of the best validation epoch (the last epoch without validation data).
    public var head: AttentionPoolingHead
    /// Mean training cross-entropy per epoch.
    public var trainingLoss: [Float]
    /// Validation accuracy per epoch (empty without validation data).
    public var validationAccuracy: [Double]
    /// 0-based epoch whose parameters `head` holds.
    public var bestEpoch: Int
}

extension AttentionPoolingHead {
    /// Trains a head with Adam on mini-batches of cached encoder states (softmax cross-entropy),
    /// shuffling every epoch with a seeded generator; keeps the epoch with the best validation accuracy.
    public static func train(classes: Int, training: [EncodedSentence], validation: [EncodedSentence] = [],
                             options: HeadTrainingOptions = .init()) -> HeadTrainingResult {
        precondition(!training.isEmpty, "no training sentences")
        let width = training[0].hidden.shape[1]
        var head = AttentionPoolingHead(width: width, poolingHidden: options.poolingHidden, classes: classes,
                                        seed: options.seed)
        var adam = Adam(layout: head.layout, weightDecay: options.weightDecay)
        var rng = SplitMix64(seed: options.seed).split(1)
        var order = Array(training.indices)
        var losses: [Float] = [], accuracies: [Double] = []
        var best = (epoch: 0, accuracy: -1.0, parameters: head.parameters)
        for epoch in 0..<options.epochs {
            order.shuffle(using: &rng)
            var total: Double = 0
            for start in stride(from: 0, to: order.count, by: options.batchSize) {
                let batch = order[start..<min(order.count, start + options.batchSize)].map { training[$0] }
                let (hidden, lengths) = padded(batch.map(\.hidden))
                var loss: Float = 0
                let pass = head.run(hidden: hidden, lengths: lengths) { logits in
                    var dLogits = [Float](repeating: 0, count: logits.count)
                    loss = logits.withUnsafeBufferPointer { z in
                        dLogits.withUnsafeMutableBufferPointer { dz in
                            SoftmaxCrossEntropy.lossAndGradient(logits: z.baseAddress!, targets: batch.map(\.label),
                                                                classes: classes, gradient: dz.baseAddress!)
                        }
                    }
                    return dLogits
                }
                total += Double(loss) * Double(batch.count)
                var gradients = pass.parameterGradients!
                gradients.withUnsafeMutableBufferPointer { g in
                    head.parameters.withUnsafeMutableBufferPointer { p in
                        adam.update(parameters: p.baseAddress!, gradients: g.baseAddress!, learningRate: options.learningRate)
                    }
                }
            }
            losses.append(Float(total / Double(training.count)))
            guard !validation.isEmpty else { best = (epoch, 0, head.parameters); continue }
            let accuracy = head.accuracy(validation)
            accuracies.append(accuracy)
            if accuracy > best.accuracy { best = (epoch, accuracy, head.parameters) }
            if epoch - best.epoch >= options.patience { break }
        }
        head.parameters = best.parameters
        return HeadTrainingResult(head: head, trainingLoss: losses, validationAccuracy: accuracies, bestEpoch: best.epoch)
    }

    /// The predicted class of each sentence (argmax of the logits), in batches of 64.
    public func predict(_ sentences: [EncodedSentence]) -> [Int] {
        var predictions: [Int] = []
        for start in stride(from: 0, to: sentences.count, by: 64) {
            let batch = sentences[start..<min(sentences.count, start + 64)].map(\.hidden)
            let (hidden, lengths) = Self.padded(batch)
            let logits = run(hidden: hidden, lengths: lengths).logits.scalars
            for b in 0..<batch.count {
                let row = logits[(b * classes)..<((b + 1) * classes)]
                predictions.append(row.indices.max { row[$0] < row[$1] }! - b * classes)
            }
        }
        return predictions
    }

    /// The fraction of sentences whose predicted class is their label.
    public func accuracy(_ sentences: [EncodedSentence]) -> Double {
        guard !sentences.isEmpty else { return 0 }
        let correct = zip(predict(sentences), sentences).filter { $0 == $1.label }.count
        return Double(correct) / Double(sentences.count)
    }

    /// Stacks [n_b, D] states into [B, T, D] with T = max n_b (zeros after each sequence).
    static func padded(_ states: [Tensor]) -> (hidden: Tensor, lengths: [Int]) {
        let d = states[0].shape[1], t = states.map { $0.shape[0] }.max()!
        var scalars = [Float](repeating: 0, count: states.count * t * d)
        for (b, state) in states.enumerated() {
            scalars.replaceSubrange((b * t * d)..<(b * t * d + state.count), with: state.scalars)
        }
        return (Tensor(shape: [states.count, t, d], scalars: scalars), states.map { $0.shape[0] })
    }
}
