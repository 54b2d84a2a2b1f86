// BertLayer: one post-LN BERT block (self-attention, residual, LayerNorm, GELU feed-forward, residual, LayerNorm) and its backward.
import Foundation

/// One BERT encoder layer (Devlin et al. 2019; Vaswani et al. 2017). Dropout (rate p_h on both residual branches,
/// p_a on the attention probabilities, as `BertSelfOutput`, `BertOutput` and `BertSelfAttention` apply it) acts only
/// in training, when the encoder is fine-tuned; tracing and the frozen encoder run without it:
/// ```
/// s₁ = x + Drop(MHA(x))          a = LN₁(s₁)
/// u = a·W₁ᵀ + b₁  [B·T, F]  g = GELU(u)      s₂ = a + Drop(g·W₂ᵀ + b₂)      y = LN₂(s₂)
/// GELU(u) = ½ u (1 + erf(u/√2))     GELU'(u) = ½ (1 + erf(u/√2)) + u·φ(u),  φ(u) = e^{−u²/2}/√(2π)
/// ```
/// The attention is the project's `MultiHeadAttention` (key-padding mask by sequence length, which is
/// BERT's additive attention mask for real tokens); its probabilities [B, H, T, T] stay in the cache.
/// Parameter names: `<name>.attention.{query,key,value,output}.*`, `<name>.attention_norm.*`,
/// `<name>.feed_forward.{inner,outer}.*`, `<name>.feed_forward_norm.*`.
struct BertLayer: Sendable {
    let attention: MultiHeadAttention
    let attentionNorm: LayerNorm
    let inner: Linear
    let outer: Linear
    let feedForwardNorm: LayerNorm
    let dropout: Dropout

    struct Cache {
        var attention: MultiHeadAttention.Cache
        /// [B·T, D]: attention output, s₁, a, FFN output, s₂; [B·T]: both norms' mean and rstd.
        var attentionOutput, sum1, normed1, feedForwardOutput, sum2: UnsafeMutablePointer<Float>
        var mean1, rstd1, mean2, rstd2: UnsafeMutablePointer<Float>
        /// [B·T, F]: u (before GELU) and GELU(u).
        var preActivation, activation: UnsafeMutablePointer<Float>
        /// [B·T, D]: the residual branches' dropout masks (training only; one scalar otherwise).
        var attentionMask, feedForwardMask: UnsafeMutablePointer<Float>
    }

    init(_ name: String, configuration c: BertConfiguration, layout: inout ParameterLayout) {
        attention = MultiHeadAttention(name + ".attention", modelWidth: c.hiddenSize, heads: c.heads,
                                       keyWidth: c.headWidth, valueWidth: c.headWidth, dropout: c.attentionDropout ?? 0,
                                       layout: &layout)
        attentionNorm = LayerNorm(name + ".attention_norm", width: c.hiddenSize, epsilon: c.layerNormEpsilon,
                                  layout: &layout)
        inner = Linear(name + ".feed_forward.inner", input: c.hiddenSize, output: c.intermediateSize, layout: &layout)
        outer = Linear(name + ".feed_forward.outer", input: c.intermediateSize, output: c.hiddenSize, layout: &layout)
        feedForwardNorm = LayerNorm(name + ".feed_forward_norm", width: c.hiddenSize, epsilon: c.layerNormEpsilon,
                                    layout: &layout)
        dropout = Dropout(probability: c.hiddenDropout ?? 0)
    }

    func initialize(_ p: UnsafeMutablePointer<Float>, rng: inout SplitMix64) {
        attention.initialize(p, rng: &rng)
        attentionNorm.initialize(p)
        inner.initialize(p, rng: &rng)
        outer.initialize(p, rng: &rng)
        feedForwardNorm.initialize(p)
    }

    /// x [B·T, D] → y [B·T, D]. With `training`, dropout draws its masks from `rng` (attention first, then the
    /// attention branch, then the feed-forward branch); without, `rng` is not touched.
    func forward(_ x: UnsafePointer<Float>, batch: BatchShape, parameters p: UnsafePointer<Float>,
                 cache c: Cache, into y: UnsafeMutablePointer<Float>, training: Bool = false,
                 rng: inout SplitMix64, threads: Int) {
        let rows = batch.rows, count = rows * attentionNorm.width
        let drops = training && dropout.probability > 0
        attention.forward(x, batch: batch, parameters: p, cache: c.attention, into: c.attentionOutput,
                          training: training, rng: &rng, threads: threads)
        if drops { dropout.makeMask(c.attentionMask, count: count, rng: &rng) }
        residualSum(x, c.attentionOutput, mask: drops ? c.attentionMask : nil, count: count, into: c.sum1)
        attentionNorm.forward(c.sum1, rows: rows, parameters: p, into: c.normed1, mean: c.mean1, rstd: c.rstd1,
                              threads: threads)
        inner.forward(c.normed1, rows: rows, parameters: p, into: c.preActivation)
        gelu(c.preActivation, into: c.activation, count: rows * inner.output, threads: threads)
        outer.forward(c.activation, rows: rows, parameters: p, into: c.feedForwardOutput)
        if drops { dropout.makeMask(c.feedForwardMask, count: count, rng: &rng) }
        residualSum(c.normed1, c.feedForwardOutput, mask: drops ? c.feedForwardMask : nil, count: count, into: c.sum2)
        feedForwardNorm.forward(c.sum2, rows: rows, parameters: p, into: y, mean: c.mean2, rstd: c.rstd2,
                                threads: threads)
    }

    /// Evaluation forward (no dropout).
    func forward(_ x: UnsafePointer<Float>, batch: BatchShape, parameters p: UnsafePointer<Float>,
                 cache c: Cache, into y: UnsafeMutablePointer<Float>, threads: Int) {
        var unused = SplitMix64(seed: 0)
        forward(x, batch: batch, parameters: p, cache: c, into: y, training: false, rng: &unused, threads: threads)
    }

    /// y = LN₂(a + FFN(a)), a = LN₁(s₁), from s₁ [rows, D]: the part of `forward` after the attention's residual
    /// sum, which value zeroing re-runs with one position's values removed.
    func forwardFromAttentionSum(_ s1: UnsafePointer<Float>, rows: Int, parameters p: UnsafePointer<Float>,
                                 into y: UnsafeMutablePointer<Float>) {
        let d = attentionNorm.width, count = rows * d
        let normed = FloatBuffer(count: count), sum2 = FloatBuffer(count: count), output = FloatBuffer(count: count)
        let preActivation = FloatBuffer(count: rows * inner.output), activation = FloatBuffer(count: rows * inner.output)
        let mean = FloatBuffer(count: rows), rstd = FloatBuffer(count: rows)
        attentionNorm.forward(s1, rows: rows, parameters: p, into: normed.pointer, mean: mean.pointer,
                              rstd: rstd.pointer, threads: 1)
        inner.forward(normed.pointer, rows: rows, parameters: p, into: preActivation.pointer)
        gelu(preActivation.pointer, into: activation.pointer, count: rows * inner.output, threads: 1)
        outer.forward(activation.pointer, rows: rows, parameters: p, into: output.pointer)
        for i in 0..<count { sum2.pointer[i] = normed.pointer[i] + output.pointer[i] }
        feedForwardNorm.forward(sum2.pointer, rows: rows, parameters: p, into: y, mean: mean.pointer,
                                rstd: rstd.pointer, threads: 1)
    }

    /// dy [B·T, D] → dx [B·T, D], written into `dy` (the input x of forward is needed by the attention).
    /// Parameter gradients accumulate into `g` when given (tests, fine-tuning); the frozen encoder passes nil.
    /// `training` must be the forward's: it says whether the dropout masks in the cache apply.
    func backward(_ dy: UnsafeMutablePointer<Float>, x: UnsafePointer<Float>, batch: BatchShape,
                  parameters p: UnsafePointer<Float>, gradients g: UnsafeMutablePointer<Float>?, cache c: Cache,
                  scratch s: EncoderLayer.Scratch, training: Bool = false, threads: Int) {
        let rows = batch.rows, count = rows * attentionNorm.width
        let drops = training && dropout.probability > 0
        // y = LN₂(s₂): d1 = ds₂ (the residual's gradient; the FFN output's after its mask)
        feedForwardNorm.backward(dy, x: c.sum2, mean: c.mean2, rstd: c.rstd2, rows: rows, parameters: p,
                                 gradients: g, dx: s.d1, threads: threads)
        dy.update(from: s.d1, count: count)
        if drops { dropout.backward(s.d1, mask: c.feedForwardMask, count: count, dx: s.d1) }
        outer.backward(s.d1, x: c.activation, rows: rows, parameters: p, gradients: g, dx: s.dHidden)
        geluBackward(s.dHidden, input: c.preActivation, count: rows * inner.output, threads: threads)
        inner.backward(s.dHidden, x: c.normed1, rows: rows, parameters: p, gradients: g, dx: dy, accumulateInput: true)
        // a = LN₁(s₁): d1 = ds₁; s₁ = x + Drop(MHA(x))
        attentionNorm.backward(dy, x: c.sum1, mean: c.mean1, rstd: c.rstd1, rows: rows, parameters: p,
                               gradients: g, dx: s.d1, threads: threads)
        dy.update(from: s.d1, count: count)
        if drops { dropout.backward(s.d1, mask: c.attentionMask, count: count, dx: s.d1) }
        attention.backward(s.d1, x: x, batch: batch, parameters: p, gradients: g, cache: c.attention,
                           training: training, dx: dy, dqkv: s.dqkv, dContext: s.dContext, scratch: s.attention,
                           threads: threads)
    }
}
