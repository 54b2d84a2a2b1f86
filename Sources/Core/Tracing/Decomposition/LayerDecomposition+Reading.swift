// LayerDecomposition+Reading: one example's layer decomposition read out of a post-LN layer's forward caches,
// for the Transformer trained here, the narrative window encoder and BERT alike.

extension LayerDecomposition {
    /// Reads example `b` (n real positions of a batch padded to length t) of the last forward through one layer.
    /// F^h = V^h (W_O^h)ᵀ is the only new product: V comes from the fused q|k|v buffer (b_V included), W_O^h is
    /// head h's column block of the output projection [D, H·V].
    init(attention mha: MultiHeadAttention, norm1: LayerNorm, norm2: LayerNorm, parameters p: UnsafePointer<Float>,
         input x: UnsafePointer<Float>, cache: MultiHeadAttention.Cache, rstd1: UnsafePointer<Float>,
         rstd2: UnsafePointer<Float>, example b: Int, length t: Int, tokens n: Int) {
        let d = mha.modelWidth, heads = mha.heads, v = mha.valueWidth, w = mha.fusedWidth
        let k = mha.keyWidth
        let rows = x + b * t * d
        let input = Array(UnsafeBufferPointer(start: rows, count: n * d))
        var attention = [Float](repeating: 0, count: heads * n * n)
        for h in 0..<heads {
            let source = cache.probabilities + (b * heads + h) * t * t
            for i in 0..<n { for j in 0..<n { attention[(h * n + i) * n + j] = source[i * t + j] } }
        }
        var headOutputs = [Float](repeating: 0, count: heads * n * d)
        headOutputs.withUnsafeMutableBufferPointer { out in
            for h in 0..<heads {
                let values = cache.qkv + b * t * w + 2 * heads * k + h * v
                gemm(.none, .transposed, m: n, n: d, k: v, values, lda: w, p + mha.output.weight + h * v,
                     ldb: heads * v, out.baseAddress! + h * n * d, ldc: d)
            }
        }
        let bias = mha.output.bias.map { Array(UnsafeBufferPointer(start: p + $0, count: d)) }
            ?? [Float](repeating: 0, count: d)
        func linearised(_ norm: LayerNorm, _ rstd: UnsafePointer<Float>) -> NormLinearisation {
            NormLinearisation(gamma: Array(UnsafeBufferPointer(start: p + norm.gamma, count: d)),
                              beta: Array(UnsafeBufferPointer(start: p + norm.beta, count: d)),
                              rstd: Array(UnsafeBufferPointer(start: rstd + b * t, count: n)))
        }
        self.init(tokens: n, width: d, heads: heads, input: input, attention: attention, headOutputs: headOutputs,
                  outputBias: bias, norm1: linearised(norm1, rstd1), norm2: linearised(norm2, rstd2))
    }
}

/// A layer's tail as a `LayerTail` closure over its parameters (`width` = D, the model width of each row).
func layerTail(width: Int, _ run: @escaping (UnsafePointer<Float>, Int, UnsafeMutablePointer<Float>) -> Void)
    -> LayerTail {
    { sums, rows in
        var y = [Float](repeating: 0, count: rows * width)
        sums.withUnsafeBufferPointer { s in
            y.withUnsafeMutableBufferPointer { run(s.baseAddress!, rows, $0.baseAddress!) }
        }
        return y
    }
}
