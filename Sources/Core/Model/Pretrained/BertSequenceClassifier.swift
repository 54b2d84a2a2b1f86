// BertSequenceClassifier: a Hugging Face BertForSequenceClassification — a BERT encoder and its pooler + classifier
// head — as one model to fine-tune, evaluate and trace, with gradient arenas for both parts.

/// encoder → `BertClassifierHead` (tanh pooler on [CLS], linear classifier). Fine-tuning trains both; the
/// encoder's parameters stay shared with other copies until the first update (`BertEncoder.mutableParameters`).
public struct BertSequenceClassifier: Sendable {
    public var encoder: BertEncoder
    public var head: BertClassifierHead
    /// Class names (`id2label`), when known.
    public var labels: [String]?
    /// Word pieces per sequence, [CLS] and [SEP] included; longer sequences are cut.
    public var maximumLength: Int

    /// ∂loss/∂θ of the encoder (its layout) and of the head (its layout), accumulated by `trainingLoss`.
    var encoderGradients: [Float]
    var headGradients: [Float]

    public init(encoder: BertEncoder, head: BertClassifierHead, labels: [String]? = nil, maximumLength: Int = 128) {
        precondition(encoder.configuration.hiddenSize == head.width,
                     "head width \(head.width) does not match the encoder's \(encoder.configuration.hiddenSize)")
        precondition(labels == nil || labels!.count == head.classes, "\(labels!.count) labels for \(head.classes) classes")
        self.encoder = encoder
        self.head = head
        self.labels = labels
        self.maximumLength = min(maximumLength, encoder.configuration.maxPositions)
        encoderGradients = []
        headGradients = []
    }

    /// The rate of the dropout on the pooled vector: `classifier_dropout`, or the hidden rate when null (as
    /// `BertForSequenceClassification` does).
    public var classifierDropout: Float {
        encoder.configuration.classifierDropout ?? encoder.configuration.hiddenDropout ?? 0
    }

    /// [B, C] logits of `batch` in evaluation mode (no dropout).
    public mutating func logits(_ batch: TokenBatch) -> Tensor {
        var unused = SplitMix64(seed: 0)  // no dropout: never drawn from
        let hidden = encoder.trainingForward(batch, dropout: false, rng: &unused)
        return head.run(hidden: hidden).logits
    }

    /// Logits [C] of each sequence, in batches of similar length; order as given.
    public mutating func predict(_ sequences: [[Int32]], batchSize: Int = 64) -> [[Float]] {
        let batcher = LengthBucketingBatcher(batchSize: batchSize, maxLength: maximumLength)
        var outputs = [[Float]](repeating: [], count: sequences.count)
        let c = head.classes
        for indices in batcher.sorted(lengths: sequences.map(\.count)) {
            let logits = self.logits(TokenBatch(padding: indices.map { Array(sequences[$0].prefix(maximumLength)) }))
            for (row, index) in indices.enumerated() { outputs[index] = Array(logits.scalars[(row * c)..<((row + 1) * c)]) }
        }
        return outputs
    }
}

extension BertClassifierHead {
    /// A new head for an encoder that has none yet, as `BertForSequenceClassification.from_pretrained` makes one:
    /// the pooler from `pooler` (the encoder checkpoint's `pooler.dense.*`) when given, else like the classifier;
    /// the classifier's weights N(0, 0.02²) (`initializer_range`) and its bias 0. Seeded.
    public init(width: Int, classes: Int, pooler: (weight: Tensor, bias: Tensor)?, seed: UInt64) {
        precondition(classes >= 2, "a classifier needs at least 2 classes")
        self.init(width: width, classes: classes)
        var rng = SplitMix64(seed: seed)
        for entry in layout.entries {
            let initial: [Float]
            switch entry.name {
            case "pooler.dense.weight" where pooler != nil: initial = pooler!.weight.scalars
            case "pooler.dense.bias" where pooler != nil: initial = pooler!.bias.scalars
            case let name where name.hasSuffix(".bias"): initial = [Float](repeating: 0, count: entry.count)
            default: initial = (0..<entry.count).map { _ in 0.02 * rng.nextNormal() }
            }
            precondition(initial.count == entry.count, "\(entry.name): \(initial.count) values for \(entry.shape)")
            parameters.replaceSubrange(entry.offset..<(entry.offset + entry.count), with: initial)
        }
    }
}
