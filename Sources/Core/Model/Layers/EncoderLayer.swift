// EncoderLayer: post-LN Transformer block (attention, residual, norm, feed-forward, residual, norm).

/// One post-LN encoder layer, as in the reference model:
/// ```
/// s₁ = x + Dropout(MHA(x))    a = LN₁(s₁)
/// s₂ = a + Dropout(FFN(a))    y = LN₂(s₂)
/// ```
/// Backward walks the same list in reverse; `dy` is consumed and dx is written to the same buffer.
struct EncoderLayer: Sendable {
    let attention: MultiHeadAttention
    let attentionNorm: LayerNorm
    let feedForward: FeedForward
    let feedForwardNorm: LayerNorm
    let dropout: Dropout

    struct Cache {
        var attention: MultiHeadAttention.Cache
        /// [B·T, D] attention output, its dropout mask, s₁, a; and LN₁'s mean/rstd [B·T].
        var attentionOutput, attentionMask, sum1, normed1, mean1, rstd1: UnsafeMutablePointer<Float>
        /// [B·T, F] FFN hidden; [B·T, D] FFN output, its mask, s₂; LN₂'s mean/rstd [B·T].
        var hidden, feedForwardOutput, feedForwardMask, sum2, mean2, rstd2: UnsafeMutablePointer<Float>
    }

    /// Shared backward work space, sized for the batch.
    struct Scratch {
        var d1, d2: UnsafeMutablePointer<Float>            // [B·T, D]
        var dqkv, dContext, dHidden, attention: UnsafeMutablePointer<Float>
    }

    init(_ name: String, configuration c: ModelConfiguration, layout: inout ParameterLayout) {
        attention = MultiHeadAttention(name + ".attention", modelWidth: c.modelWidth, heads: c.heads,
                                       keyWidth: c.keyWidth, valueWidth: c.valueWidth, dropout: c.dropout,
                                       layout: &layout)
        attentionNorm = LayerNorm(name + ".attention_norm", width: c.modelWidth, epsilon: c.layerNormEpsilon,
                                  layout: &layout)
        feedForward = FeedForward(name + ".feed_forward", modelWidth: c.modelWidth,
                                  innerWidth: c.feedForwardWidth, layout: &layout)
        feedForwardNorm = LayerNorm(name + ".feed_forward_norm", width: c.modelWidth,
                                    epsilon: c.layerNormEpsilon, layout: &layout)
        dropout = Dropout(probability: c.dropout)
    }

    func initialize(_ p: UnsafeMutablePointer<Float>, rng: inout SplitMix64) {
        attention.initialize(p, rng: &rng)
        attentionNorm.initialize(p)
        feedForward.initialize(p, rng: &rng)
        feedForwardNorm.initialize(p)
    }

    /// x [B·T, D] → y [B·T, D].
    func forward(_ x: UnsafePointer<Float>, batch: BatchShape, parameters p: UnsafePointer<Float>,
                 cache c: Cache, into y: UnsafeMutablePointer<Float>, training: Bool,
                 rng: inout SplitMix64, threads: Int) {
        let count = batch.rows * attentionNorm.width
        let useDropout = training && dropout.probability > 0
        attention.forward(x, batch: batch, parameters: p, cache: c.attention, into: c.attentionOutput,
                          training: training, rng: &rng, threads: threads)
        if useDropout { dropout.makeMask(c.attentionMask, count: count, rng: &rng) }
        residualSum(x, c.attentionOutput, mask: useDropout ? c.attentionMask : nil, count: count, into: c.sum1)
        attentionNorm.forward(c.sum1, rows: batch.rows, parameters: p, into: c.normed1, mean: c.mean1,
                              rstd: c.rstd1, threads: threads)
        feedForward.forward(c.normed1, rows: batch.rows, parameters: p, hidden: c.hidden,
                            into: c.feedForwardOutput, threads: threads)
        if useDropout { dropout.makeMask(c.feedForwardMask, count: count, rng: &rng) }
        residualSum(c.normed1, c.feedForwardOutput, mask: useDropout ? c.feedForwardMask : nil, count: count,
                    into: c.sum2)
        feedForwardNorm.forward(c.sum2, rows: batch.rows, parameters: p, into: y, mean: c.mean2,
                                rstd: c.rstd2, threads: threads)
    }

    /// y = LN₂(a + FFN(a)), a = LN₁(s₁), from s₁ [rows, D] (evaluation mode): the part of `forward` after the
    /// attention's residual sum, which value zeroing re-runs with one position's values removed.
    func forwardFromAttentionSum(_ s1: UnsafePointer<Float>, rows: Int, parameters p: UnsafePointer<Float>,
                                 into y: UnsafeMutablePointer<Float>) {
        let d = attentionNorm.width, count = rows * d
        let normed = FloatBuffer(count: count), sum2 = FloatBuffer(count: count), output = FloatBuffer(count: count)
        let hidden = FloatBuffer(count: rows * feedForward.inner.output)
        let mean = FloatBuffer(count: rows), rstd = FloatBuffer(count: rows)
        attentionNorm.forward(s1, rows: rows, parameters: p, into: normed.pointer, mean: mean.pointer,
                              rstd: rstd.pointer, threads: 1)
        feedForward.forward(normed.pointer, rows: rows, parameters: p, hidden: hidden.pointer, into: output.pointer)
        for i in 0..<count { sum2.pointer[i] = normed.pointer[i] + output.pointer[i] }
        feedForwardNorm.forward(sum2.pointer, rows: rows, parameters: p, into: y, mean: mean.pointer,
                                rstd: rstd.pointer, threads: 1)
    }

    /// dy [B·T, D] (the gradient of y; overwritten with dx) given the input x of forward.
    func backward(_ dy: UnsafeMutablePointer<Float>, x: UnsafePointer<Float>, batch: BatchShape,
                  parameters p: UnsafePointer<Float>, gradients g: UnsafeMutablePointer<Float>?,
                  cache c: Cache, scratch s: Scratch, training: Bool, threads: Int) {
        let rows = batch.rows, count = rows * attentionNorm.width
        let useDropout = training && dropout.probability > 0
        // y = LN₂(s₂): d1 = ds₂
        feedForwardNorm.backward(dy, x: c.sum2, mean: c.mean2, rstd: c.rstd2, rows: rows, parameters: p,
                                 gradients: g, dx: s.d1, threads: threads)
        // s₂ = a + Dropout(FFN(a)): dy ← da (residual part), d2 = dFFN output
        dy.update(from: s.d1, count: count)
        if useDropout { dropout.backward(s.d1, mask: c.feedForwardMask, count: count, dx: s.d2) }
        let dFeedForward = useDropout ? s.d2 : s.d1
        feedForward.backward(dFeedForward, x: c.normed1, hidden: c.hidden, rows: rows, parameters: p,
                             gradients: g, dHidden: s.dHidden, dx: dy, accumulateInput: true, threads: threads)
        // a = LN₁(s₁): d1 = ds₁
        attentionNorm.backward(dy, x: c.sum1, mean: c.mean1, rstd: c.rstd1, rows: rows, parameters: p,
                               gradients: g, dx: s.d1, threads: threads)
        // s₁ = x + Dropout(MHA(x)): dy ← dx (residual part) + MHA backward
        dy.update(from: s.d1, count: count)
        if useDropout { dropout.backward(s.d1, mask: c.attentionMask, count: count, dx: s.d2) }
        let dAttention = useDropout ? s.d2 : s.d1
        attention.backward(dAttention, x: x, batch: batch, parameters: p, gradients: g, cache: c.attention,
                           training: training, dx: dy, dqkv: s.dqkv, dContext: s.dContext,
                           scratch: s.attention, threads: threads)
    }
}
