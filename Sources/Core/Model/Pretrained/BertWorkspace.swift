// BertWorkspace: every activation and backward buffer of BertEncoder, allocated once for the largest batch seen.

/// The activation arena of `BertEncoder`. Buffers are sized for a capacity (B sequences of up to T
/// tokens, `threads` attention scratch squares); a batch uses the first B·T rows of each. Dropout masks are only
/// allocated for `training` (fine-tuning).
final class BertWorkspace: @unchecked Sendable {
    let batchSize: Int
    let length: Int
    let threads: Int
    let training: Bool
    private var owned: [FloatBuffer] = []

    var tokenTypes: [Int32]
    var embeddings: UnsafeMutablePointer<Float>          // [B·T, D] word embeddings e
    var embeddingSum, embeddingMean, embeddingRstd: UnsafeMutablePointer<Float>  // [B·T, D], [B·T], [B·T]
    var embeddingMask: UnsafeMutablePointer<Float>       // [B·T, D] dropout mask of x₀ (training)
    var hidden: [UnsafeMutablePointer<Float>] = []       // layers + 1 × [B·T, D]; hidden[0] = x₀
    var layers: [BertLayer.Cache] = []
    var dHidden: UnsafeMutablePointer<Float>             // [B·T, D]
    var scratch: EncoderLayer.Scratch

    init(configuration c: BertConfiguration, batchSize: Int, length: Int, threads: Int, training: Bool = false) {
        self.batchSize = batchSize
        self.length = length
        self.threads = threads
        self.training = training
        let n = batchSize * length, d = c.hiddenSize, f = c.intermediateSize
        let squares = batchSize * c.heads * length * length
        var owned: [FloatBuffer] = []
        func make(_ count: Int) -> UnsafeMutablePointer<Float> {
            let buffer = FloatBuffer(count: count)
            owned.append(buffer)
            return buffer.pointer
        }
        tokenTypes = [Int32](repeating: 0, count: n)
        embeddings = make(n * d)
        embeddingSum = make(n * d)
        embeddingMean = make(n)
        embeddingRstd = make(n)
        let maskRows = training ? n * d : 1, maskSquares = training ? squares : 1
        embeddingMask = make(maskRows)
        hidden = (0...c.layers).map { _ in make(n * d) }
        layers = (0..<c.layers).map { _ in
            BertLayer.Cache(
                attention: .init(qkv: make(n * 3 * d), probabilities: make(squares), mask: make(maskSquares),
                                 dropped: make(maskSquares), context: make(n * d)),
                attentionOutput: make(n * d), sum1: make(n * d), normed1: make(n * d), feedForwardOutput: make(n * d),
                sum2: make(n * d), mean1: make(n), rstd1: make(n), mean2: make(n), rstd2: make(n),
                preActivation: make(n * f), activation: make(n * f), attentionMask: make(maskRows),
                feedForwardMask: make(maskRows))
        }
        dHidden = make(n * d)
        scratch = .init(d1: make(n * d), d2: make(1), dqkv: make(n * 3 * d), dContext: make(n * d),
                        dHidden: make(n * f), attention: make(max(1, threads) * length * length))
        self.owned = owned
    }

    func covers(batchSize: Int, length: Int, threads: Int, training: Bool = false) -> Bool {
        self.batchSize >= batchSize && self.length >= length && self.threads >= threads && (self.training || !training)
    }
}
