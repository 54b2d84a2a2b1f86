// TokenBatch and ForwardPass: what goes into the model and what comes out of one forward pass.

/// B token sequences padded with id 0 to a common length T (row-major [B, T]).
public struct TokenBatch: Sendable, Equatable {
    public var ids: [Int32]
    public var lengths: [Int]
    public var batchSize: Int { lengths.count }
    public var length: Int

    public init(ids: [Int32], lengths: [Int], length: Int) {
        precondition(ids.count == lengths.count * length, "\(ids.count) ids for \(lengths.count) × \(length)")
        self.ids = ids
        self.lengths = lengths
        self.length = length
    }

    /// Pads `sequences` with 0 to their longest length (at least 1; an empty sequence is not allowed).
    public init(padding sequences: [[Int32]]) {
        let length = sequences.map(\.count).max() ?? 1
        var ids = [Int32](repeating: 0, count: sequences.count * length)
        for (b, sequence) in sequences.enumerated() {
            precondition(!sequence.isEmpty, "sequence \(b) is empty")
            for (t, id) in sequence.enumerated() { ids[b * length + t] = id }
        }
        self.init(ids: ids, lengths: sequences.map(\.count), length: length)
    }

    var shape: BatchShape { BatchShape(batchSize: batchSize, length: length, lengths: lengths) }
}

/// Everything one forward pass produces that callers read (predictions, tracing, saliency).
public struct ForwardPass: Sendable {
    /// [B, C] logits, or [B, 1] predicted values for regression.
    public var outputs: Tensor
    /// Per layer, [B, H, T, T] softmax probabilities before dropout (row i: how token i attends to
    /// the layer below). Padded rows and columns are 0.
    public var attention: [Tensor]
    /// [B, T] context-attention weights α (0 at padding).
    public var contextAttention: Tensor
    /// [B, T, D] input embeddings (after any projection, before positional encoding).
    public var embeddings: Tensor
    public var lengths: [Int]
}

/// The supervised target of one example.
public enum TrainingTarget: Sendable, Equatable, Hashable {
    case classIndex(Int)
    case value(Float)
}
