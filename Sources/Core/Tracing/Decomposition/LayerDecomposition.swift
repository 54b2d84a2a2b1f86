// LayerDecomposition: what the decomposition methods read from one post-LN encoder layer for one example.

/// One post-LN encoder layer (the Transformer trained here and BERT have the same block) for one example
/// of n positions, split into what each input position moves:
/// ```
/// F^h_j = f^h(x_j) = (x_j W_V^h + b_V^h) W_O^h          (head h's value of position j, in the model width)
/// s₁_i = x_i + Σ_h Σ_j A^h_ij F^h_j + b_O               a_i = LN₁(s₁_i)        y_i = LN₂(a_i + FFN(a_i))
/// ```
/// For fixed statistics of position i a layer norm is the linear map g_i(z) = γ ⊙ (z − mean(z)) · rstd_i
/// plus the bias β (attributed to no token), which is what lets the norm methods split a_i into one
/// vector per input position: a_i = Σ_j g₁ᵢ(Σ_h A^h_ij F^h_j + δ_ij x_j) + g₁ᵢ(b_O) + β₁.
///
/// Shapes (flat, row-major): `input` n × D, `attention` H × n × n (rows = queries i, columns = keys j),
/// `headOutputs` H × n × D, `outputBias` D.
public struct LayerDecomposition: Sendable {
    public let tokens: Int
    public let width: Int
    public let heads: Int
    public var input: [Float]
    public var attention: [Float]
    public var headOutputs: [Float]
    public var outputBias: [Float]
    /// LN₁ (after attention + residual) and LN₂ (after the feed-forward + residual) at this example's statistics.
    public var norm1: NormLinearisation
    public var norm2: NormLinearisation

    public init(tokens: Int, width: Int, heads: Int, input: [Float], attention: [Float], headOutputs: [Float],
                outputBias: [Float], norm1: NormLinearisation, norm2: NormLinearisation) {
        precondition(input.count == tokens * width, "input: expected n·D = \(tokens * width), got \(input.count)")
        precondition(attention.count == heads * tokens * tokens,
                     "attention: expected H·n·n = \(heads * tokens * tokens), got \(attention.count)")
        precondition(headOutputs.count == heads * tokens * width,
                     "headOutputs: expected H·n·D = \(heads * tokens * width), got \(headOutputs.count)")
        precondition(outputBias.count == width, "outputBias: expected D = \(width), got \(outputBias.count)")
        precondition(norm1.rstd.count == tokens && norm2.rstd.count == tokens, "norm statistics: expected n = \(tokens)")
        self.tokens = tokens
        self.width = width
        self.heads = heads
        self.input = input
        self.attention = attention
        self.headOutputs = headOutputs
        self.outputBias = outputBias
        self.norm1 = norm1
        self.norm2 = norm2
    }

    /// Σ_h A^h_ij F^h_j into `out` (D): what the attention moves from position j to position i.
    func moved(from j: Int, to i: Int, into out: UnsafeMutablePointer<Float>) {
        let n = tokens, d = width
        out.update(repeating: 0, count: d)
        attention.withUnsafeBufferPointer { a in
            headOutputs.withUnsafeBufferPointer { f in
                for h in 0..<heads {
                    let weight = a[(h * n + i) * n + j]
                    if weight == 0 { continue }
                    let row = (h * n + j) * d
                    for k in 0..<d { out[k] += weight * f[row + k] }
                }
            }
        }
    }

    /// out += x_j, the residual (position j's own input), added where i = j.
    func addResidual(of j: Int, into out: UnsafeMutablePointer<Float>) {
        let d = width
        input.withUnsafeBufferPointer { x in for k in 0..<d { out[k] += x[j * d + k] } }
    }

    /// s₁ (n × D), rebuilt from the parts: x_i + Σ_j Σ_h A^h_ij F^h_j + b_O.
    func attentionSum() -> [Float] {
        let n = tokens, d = width
        var s = input
        var part = [Float](repeating: 0, count: d)
        s.withUnsafeMutableBufferPointer { s in
            part.withUnsafeMutableBufferPointer { p in
                for i in 0..<n {
                    for j in 0..<n {
                        moved(from: j, to: i, into: p.baseAddress!)
                        for k in 0..<d { s[i * d + k] += p[k] }
                    }
                    for k in 0..<d { s[i * d + k] += outputBias[k] }
                }
            }
        }
        return s
    }
}

/// A layer norm as the linear map it is once the statistics of each position are fixed:
/// g_i(z) = γ ⊙ (z − mean(z)) · rstd_i (β, a bias, is added only to whole outputs).
/// `centres: false` drops the mean subtraction: with γ = 1 and rstd = 1 the map is the identity (tests).
public struct NormLinearisation: Sendable {
    public var gamma: [Float]
    public var beta: [Float]
    /// 1 / √(var(s_i) + ε) of each position's input to the norm.
    public var rstd: [Float]
    public var centres: Bool

    public init(gamma: [Float], beta: [Float], rstd: [Float], centres: Bool = true) {
        self.gamma = gamma
        self.beta = beta
        self.rstd = rstd
        self.centres = centres
    }

    /// The identity (γ = 1, β = 0, rstd = 1, no centring) for `tokens` positions of width `width`.
    public static func identity(tokens: Int, width: Int) -> NormLinearisation {
        NormLinearisation(gamma: [Float](repeating: 1, count: width), beta: [Float](repeating: 0, count: width),
                          rstd: [Float](repeating: 1, count: tokens), centres: false)
    }

    /// z ← g_i(z), in place (D = `gamma.count`).
    func apply(_ z: UnsafeMutablePointer<Float>, position i: Int) {
        let d = gamma.count
        var mean: Float = 0
        if centres {
            for k in 0..<d { mean += z[k] }
            mean /= Float(d)
        }
        let r = rstd[i]
        gamma.withUnsafeBufferPointer { g in
            for k in 0..<d { z[k] = (z[k] - mean) * r * g[k] }
        }
    }

    /// The whole norm LN(s) = g_i(s) + β for row i (in place).
    func normalise(_ z: UnsafeMutablePointer<Float>, position i: Int) {
        apply(z, position: i)
        beta.withUnsafeBufferPointer { b in for k in 0..<b.count { z[k] += b[k] } }
    }
}
