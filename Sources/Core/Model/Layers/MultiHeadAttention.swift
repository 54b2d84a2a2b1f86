// MultiHeadAttention: scaled dot-product self-attention with a key-padding mask, and its backward.
import Foundation

/// Multi-head self-attention (Vaswani et al. 2017, arXiv:1706.03762) over a padded batch.
///
/// Shapes: x [B·T, D]; H heads; query/key width K, value width V; W = 2·H·K + H·V.
/// The query, key and value projections are registered as `query`, `key`, `value` (weights first,
/// then biases) so that together they form one contiguous [W, D] matrix: one gemm computes all three.
/// Forward, for sequence b with L real tokens and head h (rows ≥ L and keys ≥ L are padding):
/// ```
/// [q k v] = x·Wᵀ + b                         (one gemm over all B·T rows)
/// S = q_h k_hᵀ / √K                          (L × L)
/// P = softmax over keys j < L                (cached: tracing reads it; padded rows/columns are 0)
/// P' = P ⊙ dropoutMask                       (training only)
/// o_h = P' v_h ;  y = o·W_oᵀ + b_o           (o [B·T, H·V])
/// ```
/// Backward:
/// ```
/// dP' = do_h v_hᵀ    dv_h = P'ᵀ do_h    dP = dP' ⊙ mask    dS = P ⊙ (dP − rowsum(dP ⊙ P))
/// dq_h = dS k_h / √K    dk_h = dSᵀ q_h / √K
/// ```
/// Padded query rows produce zero output and receive zero gradient, so padding changes nothing.
struct MultiHeadAttention: Sendable {
    let modelWidth: Int
    let heads: Int
    let keyWidth: Int
    let valueWidth: Int
    let projection: Linear
    let output: Linear
    let dropout: Dropout

    /// Per-layer buffers (views into the model's workspace).
    struct Cache {
        /// [B·T, W] projected queries, keys and values.
        var qkv: UnsafeMutablePointer<Float>
        /// [B, H, T, T] softmax probabilities (before dropout).
        var probabilities: UnsafeMutablePointer<Float>
        /// [B, H, T, T] dropout mask and dropped probabilities (training with dropout only).
        var mask: UnsafeMutablePointer<Float>
        var dropped: UnsafeMutablePointer<Float>
        /// [B·T, H·V] concatenated head outputs.
        var context: UnsafeMutablePointer<Float>
    }

    init(_ name: String, modelWidth: Int, heads: Int, keyWidth: Int, valueWidth: Int, dropout: Float,
         layout: inout ParameterLayout) {
        self.modelWidth = modelWidth
        self.heads = heads
        self.keyWidth = keyWidth
        self.valueWidth = valueWidth
        let qkWidth = heads * keyWidth, vWidth = heads * valueWidth
        let weight = layout.add(name + ".query.weight", [qkWidth, modelWidth])
        _ = layout.add(name + ".key.weight", [qkWidth, modelWidth])
        _ = layout.add(name + ".value.weight", [vWidth, modelWidth])
        let bias = layout.add(name + ".query.bias", [qkWidth])
        _ = layout.add(name + ".key.bias", [qkWidth])
        _ = layout.add(name + ".value.bias", [vWidth])
        projection = Linear(input: modelWidth, output: 2 * qkWidth + vWidth, weight: weight, bias: bias)
        output = Linear(name + ".output", input: vWidth, output: modelWidth, layout: &layout)
        self.dropout = Dropout(probability: dropout)
    }

    func initialize(_ p: UnsafeMutablePointer<Float>, rng: inout SplitMix64) {
        projection.initialize(p, rng: &rng)
        output.initialize(p, rng: &rng)
    }

    /// Row stride of the fused q|k|v buffer.
    var fusedWidth: Int { projection.output }

    /// x [B·T, D] → y [B·T, D]. `scratch` is unused here (kept symmetric with backward).
    func forward(_ x: UnsafePointer<Float>, batch: BatchShape, parameters p: UnsafePointer<Float>,
                 cache: Cache, into y: UnsafeMutablePointer<Float>, training: Bool,
                 rng: inout SplitMix64, threads: Int) {
        let t = batch.length, h = heads, k = keyWidth, v = valueWidth, w = fusedWidth
        projection.forward(x, rows: batch.rows, parameters: p, into: cache.qkv, threads: threads)
        let useDropout = training && dropout.probability > 0
        if useDropout {
            dropout.makeMask(cache.mask, count: batch.batchSize * h * t * t, rng: &rng)
        }
        let scale = 1 / Float(k).squareRoot()
        let qkv = cache.qkv, probabilities = cache.probabilities, mask = cache.mask
        let dropped = cache.dropped, context = cache.context
        let lengths = batch.lengths
        parallelChunks(batch.batchSize * h, threads: threads) { _, start, end in
            for item in start..<end {
                let b = item / h, head = item % h, l = lengths[b]
                let q = qkv + b * t * w + head * k
                let keys = q + h * k
                let values = qkv + b * t * w + 2 * h * k + head * v
                let pr = probabilities + item * t * t
                gemm(.none, .transposed, m: l, n: l, k: k, alpha: scale, q, lda: w, keys, ldb: w,
                     beta: 0, pr, ldc: t)
                for i in 0..<l {
                    let row = pr + i * t
                    var largest = -Float.infinity
                    for j in 0..<l where row[j] > largest { largest = row[j] }
                    var sum: Float = 0
                    for j in 0..<l { let e = exp(row[j] - largest); row[j] = e; sum += e }
                    let inverse = 1 / sum
                    for j in 0..<l { row[j] *= inverse }
                    if l < t { (row + l).update(repeating: 0, count: t - l) }
                }
                if l < t { (pr + l * t).update(repeating: 0, count: (t - l) * t) }
                var used = UnsafePointer(pr)
                if useDropout {
                    let dr = dropped + item * t * t, mk = mask + item * t * t
                    for i in 0..<(t * t) { dr[i] = pr[i] * mk[i] }
                    used = UnsafePointer(dr)
                }
                let o = context + b * t * h * v + head * v
                gemm(.none, .none, m: l, n: v, k: l, used, lda: t, values, ldb: w, beta: 0, o, ldc: h * v)
                for i in l..<t { (o + i * h * v).update(repeating: 0, count: v) }
            }
        }
        output.forward(context, rows: batch.rows, parameters: p, into: y, threads: threads)
    }

    /// dy [B·T, D] → dx [B·T, D] accumulated (+=); parameter gradients accumulated into `g` when given.
    /// `dqkv` [B·T, W], `dContext` [B·T, H·V] and `scratch` [threads · T · T] are work space.
    func backward(_ dy: UnsafePointer<Float>, x: UnsafePointer<Float>, batch: BatchShape,
                  parameters p: UnsafePointer<Float>, gradients g: UnsafeMutablePointer<Float>?,
                  cache: Cache, training: Bool, dx: UnsafeMutablePointer<Float>,
                  dqkv: UnsafeMutablePointer<Float>, dContext: UnsafeMutablePointer<Float>,
                  scratch: UnsafeMutablePointer<Float>, threads: Int) {
        let t = batch.length, h = heads, k = keyWidth, v = valueWidth, w = fusedWidth
        output.backward(dy, x: cache.context, rows: batch.rows, parameters: p, gradients: g, dx: dContext,
                        threads: threads)
        let useDropout = training && dropout.probability > 0
        let scale = 1 / Float(k).squareRoot()
        let qkv = cache.qkv, probabilities = cache.probabilities, mask = cache.mask
        let dropped = cache.dropped, lengths = batch.lengths
        parallelChunks(batch.batchSize * h, threads: threads) { chunk, start, end in
            let dp = scratch + chunk * t * t
            for item in start..<end {
                let b = item / h, head = item % h, l = lengths[b]
                let q = qkv + b * t * w + head * k
                let keys = q + h * k
                let values = qkv + b * t * w + 2 * h * k + head * v
                let dq = dqkv + b * t * w + head * k
                let dk = dq + h * k
                let dv = dqkv + b * t * w + 2 * h * k + head * v
                let dO = dContext + b * t * h * v + head * v
                let pr = probabilities + item * t * t
                let used = useDropout ? UnsafePointer(dropped + item * t * t) : UnsafePointer(pr)
                // dP' = dO vᵀ  (L × L, row stride L)
                gemm(.none, .transposed, m: l, n: l, k: v, dO, lda: h * v, values, ldb: w, beta: 0, dp, ldc: l)
                // dv = P'ᵀ dO
                gemm(.transposed, .none, m: l, n: v, k: l, used, lda: t, dO, ldb: h * v, beta: 0, dv, ldc: w)
                for i in 0..<l {
                    let dRow = dp + i * l, pRow = pr + i * t
                    if useDropout {
                        let mRow = mask + item * t * t + i * t
                        for j in 0..<l { dRow[j] *= mRow[j] }
                    }
                    var dot: Float = 0
                    for j in 0..<l { dot += dRow[j] * pRow[j] }
                    for j in 0..<l { dRow[j] = pRow[j] * (dRow[j] - dot) }
                }
                gemm(.none, .none, m: l, n: k, k: l, alpha: scale, dp, lda: l, keys, ldb: w, beta: 0, dq, ldc: w)
                gemm(.transposed, .none, m: l, n: k, k: l, alpha: scale, dp, lda: l, q, ldb: w, beta: 0, dk, ldc: w)
                for i in l..<t {
                    (dq + i * w).update(repeating: 0, count: k)
                    (dk + i * w).update(repeating: 0, count: k)
                    (dv + i * w).update(repeating: 0, count: v)
                }
            }
        }
        projection.backward(dqkv, x: x, rows: batch.rows, parameters: p, gradients: g, dx: dx, accumulateInput: true,
                            threads: threads)
    }
}
