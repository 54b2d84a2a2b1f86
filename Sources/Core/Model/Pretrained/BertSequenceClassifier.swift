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
