// Workspace: every activation and backward buffer of the model, allocated once for the largest batch seen.

/// The activation arena of `SentimentTransformer` (llm.c's "activations" struct).
///
/// Each buffer is sized for a capacity (rows B·T, batch B, attention B·T·T, length T). A batch
/// uses the first B·T·width scalars of each buffer in row-major order, so batches of any shape
/// that fits are served without allocating; a larger batch grows the workspace once.
final class Workspace: @unchecked Sendable {
    struct Capacity: Equatable {
        var batchSize: Int
        var length: Int
        var threads: Int
        func covers(_ other: Capacity) -> Bool {
            batchSize >= other.batchSize && length >= other.length && threads >= other.threads
        }
    }

    let capacity: Capacity
    private var buffers: [FloatBuffer] = []

    // Forward
    var lookup: UnsafeMutablePointer<Float>           // [B·T, E_w] (== embeddings without a projection)
    var embeddings: UnsafeMutablePointer<Float>       // [B·T, D]
    var hidden: [UnsafeMutablePointer<Float>] = []    // layers + 1 × [B·T, D]; hidden[0] = embeddings + positions
    var layers: [EncoderLayer.Cache] = []
    var pooling: ContextAttentionPooling.Cache
    var classifier: Classifier.Cache
    // Backward
    var dHidden: UnsafeMutablePointer<Float>          // [B·T, D]
    var dLookup: UnsafeMutablePointer<Float>          // [B·T, E_w]
    var scratch: EncoderLayer.Scratch
    var dPoolingActivations, dScores, dPooled, dClassifier, dOutputs: UnsafeMutablePointer<Float>

    init(configuration c: ModelConfiguration, capacity: Capacity) {
        self.capacity = capacity
        let b = capacity.batchSize, t = capacity.length, n = b * t
        let d = c.modelWidth, h = c.heads
        let w = 2 * h * c.keyWidth + h * c.valueWidth
        let embeddingWidth = c.pretrainedEmbeddingWidth ?? d
        var owned: [FloatBuffer] = []
        func make(_ count: Int) -> UnsafeMutablePointer<Float> {
            let buffer = FloatBuffer(count: count)
            owned.append(buffer)
            return buffer.pointer
        }
        embeddings = make(n * d)
        lookup = embeddingWidth == d ? embeddings : make(n * embeddingWidth)  // no projection: the same rows
        dLookup = make(n * embeddingWidth)
        let squares = b * h * t * t
        let hasDropout = c.dropout > 0
        var hidden: [UnsafeMutablePointer<Float>] = []
        var layers: [EncoderLayer.Cache] = []
        for _ in 0...c.layers { hidden.append(make(n * d)) }
        for _ in 0..<c.layers {
            let attention = MultiHeadAttention.Cache(
                qkv: make(n * w), probabilities: make(squares),
                mask: hasDropout ? make(squares) : make(1), dropped: hasDropout ? make(squares) : make(1),
                context: make(n * h * c.valueWidth))
            layers.append(EncoderLayer.Cache(
                attention: attention, attentionOutput: make(n * d), attentionMask: make(n * d),
                sum1: make(n * d), normed1: make(n * d), mean1: make(n), rstd1: make(n),
                hidden: make(n * c.feedForwardWidth), feedForwardOutput: make(n * d),
                feedForwardMask: make(n * d), sum2: make(n * d), mean2: make(n), rstd2: make(n)))
        }
        self.hidden = hidden
        self.layers = layers
        pooling = .init(activations: make(n * c.poolingHidden), scores: make(n), weights: make(n), pooled: make(b * d))
        classifier = .init(activations: make(b * c.classifierHidden), mask: make(b * c.classifierHidden),
                           dropped: make(b * c.classifierHidden), outputs: make(b * c.outputs))
        dHidden = make(n * d)
        scratch = .init(d1: make(n * d), d2: make(n * d), dqkv: make(n * w), dContext: make(n * h * c.valueWidth),
                        dHidden: make(n * c.feedForwardWidth), attention: make(max(1, capacity.threads) * t * t))
        dPoolingActivations = make(n * c.poolingHidden)
        dScores = make(n)
        dPooled = make(b * d)
        dClassifier = make(b * c.classifierHidden)
        dOutputs = make(b * c.outputs)
        buffers = owned
    }
}
