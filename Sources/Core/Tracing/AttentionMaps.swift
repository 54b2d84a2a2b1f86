// AttentionMaps: the softmax attention of every layer and head, plus the context attention, for one example.

/// The attention of one example of `tokens` real tokens (no padding inside; see
/// `AttentionMaps.unpad` for a padded batch).
///
/// Shapes (L layers, H heads, n tokens):
/// - `probabilities`: L × H × n × n, flat, row-major; the entry at
///   `((l · H + h) · n + i) · n + j` is A^{l+1,h}[i][j], how token i of layer l + 1 attends to
///   token j of the layer below (layer 0 is the embedding layer). Every row sums to 1.
/// - `context`: n, the context attention α over the last layer (sums to 1).
///
/// Storage index `l` (0-based) holds the paper's layer l + 1 (1-based, A^{1} … A^{L}).
public struct AttentionMaps: Equatable, Sendable {
    public let layers: Int
    public let heads: Int
    public let tokens: Int
    public let probabilities: [Float]
    public let context: [Float]

    public init(layers: Int, heads: Int, tokens: Int, probabilities: [Float], context: [Float]) {
        precondition(layers >= 1 && heads >= 1 && tokens >= 1,
                     "AttentionMaps needs L, H, n ≥ 1; got L \(layers), H \(heads), n \(tokens)")
        precondition(probabilities.count == layers * heads * tokens * tokens,
                     "probabilities: expected L·H·n·n = \(layers)·\(heads)·\(tokens)·\(tokens) = "
                     + "\(layers * heads * tokens * tokens) scalars, got \(probabilities.count)")
        precondition(context.count == tokens, "context: expected n = \(tokens) scalars, got \(context.count)")
        self.layers = layers
        self.heads = heads
        self.tokens = tokens
        self.probabilities = probabilities
        self.context = context
    }

    /// The flat offset of A^{layer+1, head} (storage layer index `layer`, 0-based).
    @inlinable public func offset(layer: Int, head: Int) -> Int {
        (layer * heads + head) * tokens * tokens
    }

    /// A^{layer+1,head}[i][j] (storage layer index, 0-based). Convenient in tests; kernels use `offset`.
    public subscript(layer: Int, head: Int, i: Int, j: Int) -> Float {
        probabilities[offset(layer: layer, head: head) + i * tokens + j]
    }

    /// Ā for storage layer `layer`: the n × n mean over heads, flat row-major.
    public func headMean(layer: Int) -> [Float] {
        let nn = tokens * tokens
        var mean = [Float](repeating: 0, count: nn)
        let scale = 1 / Float(heads)
        probabilities.withUnsafeBufferPointer { p in
            mean.withUnsafeMutableBufferPointer { m in
                for h in 0..<heads {
                    let base = offset(layer: layer, head: h)
                    for k in 0..<nn { m[k] += p[base + k] }
                }
                for k in 0..<nn { m[k] *= scale }
            }
        }
        return mean
    }
}

/// `output = s · A` for a row vector s (n) and a row-major n × n matrix A stored in `matrix`
/// from `offset`: output_j = Σ_i s_i · A[i][j]. Walks A row by row (contiguous reads).
@inlinable func multiplyRowVector(
    _ s: UnsafeBufferPointer<Float>, _ matrix: UnsafeBufferPointer<Float>, offset: Int, n: Int,
    into output: UnsafeMutableBufferPointer<Float>
) {
    for j in 0..<n { output[j] = 0 }
    for i in 0..<n {
        let si = s[i]
        if si == 0 { continue }
        let row = offset + i * n
        for j in 0..<n { output[j] += si * matrix[row + j] }
    }
}
