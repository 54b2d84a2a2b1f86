// ContextAttentionPooling: a learned softmax over the real tokens that pools the final layer.
import Foundation

/// Context attention (attention pooling) over the last encoder layer, as in Wu, Nguyen & Ong (2020).
///
/// For sequence b with L real tokens, hidden rows h_t ∈ R^D:
/// ```
/// u_t = ReLU(W₁ h_t + b₁)  [P]     e_t = w₂·u_t + b₂     α = softmax(e_{0..L−1})  (α_t = 0 for t ≥ L)
/// pooled = Σ_t α_t h_t   [D]
/// ```
/// Backward, with g = d pooled:
/// ```
/// dα_t = g·h_t    de_t = α_t (dα_t − Σ_s α_s dα_s)    dh_t = α_t g + (de_t w₂ ⊙ [u_t > 0]) W₁
/// ```
/// α is kept in the cache: tracing starts from it.
struct ContextAttentionPooling: Sendable {
    let hidden: Linear
    let score: Linear

    struct Cache {
        /// [B·T, P] ReLU(W₁h + b₁); [B·T] scores e; [B, T] weights α; [B, D] pooled vectors.
        var activations, scores, weights, pooled: UnsafeMutablePointer<Float>
    }

    init(_ name: String, modelWidth: Int, hiddenWidth: Int, layout: inout ParameterLayout) {
        hidden = Linear(name + ".hidden", input: modelWidth, output: hiddenWidth, layout: &layout)
        score = Linear(name + ".score", input: hiddenWidth, output: 1, layout: &layout)
    }

    func initialize(_ p: UnsafeMutablePointer<Float>, rng: inout SplitMix64) {
        hidden.initialize(p, rng: &rng)
        score.initialize(p, rng: &rng)
    }

    /// h [B·T, D] → cache.pooled [B, D].
    func forward(_ h: UnsafePointer<Float>, batch: BatchShape, parameters p: UnsafePointer<Float>, cache c: Cache,
                 threads: Int = 1) {
        let t = batch.length, d = hidden.input
        hidden.forward(h, rows: batch.rows, parameters: p, into: c.activations, threads: threads)
        relu(c.activations, count: batch.rows * hidden.output)
        score.forward(c.activations, rows: batch.rows, parameters: p, into: c.scores)
        for b in 0..<batch.batchSize {
            let l = batch.lengths[b], e = c.scores + b * t, alpha = c.weights + b * t
            var largest = -Float.infinity
            for i in 0..<l where e[i] > largest { largest = e[i] }
            var sum: Float = 0
            for i in 0..<l { alpha[i] = exp(e[i] - largest); sum += alpha[i] }
            for i in 0..<l { alpha[i] /= sum }
            for i in l..<t { alpha[i] = 0 }
            let out = c.pooled + b * d
            out.update(repeating: 0, count: d)
            for i in 0..<l {
                let row = h + (b * t + i) * d, a = alpha[i]
                for j in 0..<d { out[j] += a * row[j] }
            }
        }
    }

    /// dPooled [B, D] → dh [B·T, D] (overwritten). `dActivations` [B·T, P] and `dScores` [B·T] are work space.
    func backward(_ dPooled: UnsafePointer<Float>, h: UnsafePointer<Float>, batch: BatchShape,
                  parameters p: UnsafePointer<Float>, gradients g: UnsafeMutablePointer<Float>?, cache c: Cache,
                  dh: UnsafeMutablePointer<Float>, dActivations: UnsafeMutablePointer<Float>,
                  dScores: UnsafeMutablePointer<Float>, threads: Int = 1) {
        let t = batch.length, d = hidden.input
        for b in 0..<batch.batchSize {
            let l = batch.lengths[b], alpha = c.weights + b * t, gp = dPooled + b * d
            var weighted: Float = 0
            for i in 0..<l {
                let row = h + (b * t + i) * d
                var dAlpha: Float = 0
                for j in 0..<d { dAlpha += gp[j] * row[j] }
                dScores[b * t + i] = dAlpha
                weighted += alpha[i] * dAlpha
            }
            for i in 0..<l { dScores[b * t + i] = alpha[i] * (dScores[b * t + i] - weighted) }
            for i in l..<t { dScores[b * t + i] = 0 }
            for i in 0..<t {
                let out = dh + (b * t + i) * d, a = alpha[i]
                for j in 0..<d { out[j] = a * gp[j] }
            }
        }
        score.backward(dScores, x: c.activations, rows: batch.rows, parameters: p, gradients: g, dx: dActivations)
        reluBackward(dActivations, output: c.activations, count: batch.rows * hidden.output)
        hidden.backward(dActivations, x: h, rows: batch.rows, parameters: p, gradients: g, dx: dh,
                        accumulateInput: true, threads: threads)
    }
}
