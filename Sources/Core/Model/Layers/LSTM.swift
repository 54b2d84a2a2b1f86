// LSTM: a one-layer long short-term memory over padded sequences, forward and backward by hand.
import Foundation

/// A unidirectional LSTM (Hochreiter & Schmidhuber 1997) with PyTorch's gate order i, f, g, o and one bias.
///
/// Parameters: `input.weight` W_x [4H, I], `input.bias` b [4H], `recurrent.weight` W_h [4H, H].
/// For sequence b with L_b real steps, h₀ = c₀ = 0 and for t < L_b:
/// ```
/// z_t = W_x x_t + b + W_h h_{t−1}                        [4H] = (z_i, z_f, z_g, z_o)
/// i = σ(z_i)   f = σ(z_f)   g = tanh(z_g)   o = σ(z_o)
/// c_t = f ⊙ c_{t−1} + i ⊙ g        h_t = o ⊙ tanh(c_t)
/// ```
/// Padded steps (t ≥ L_b) output h_t = 0 and get no gradient; they come after every real step, so they
/// never influence one. Backward, with δh_t = dy_t + W_hᵀ dz_{t+1} and δc_t carried from t + 1:
/// ```
/// do = δh ⊙ tanh(c_t)     δc += δh ⊙ o ⊙ (1 − tanh²c_t)     di = δc ⊙ g   dg = δc ⊙ i   df = δc ⊙ c_{t−1}
/// dz = (di·i(1−i), df·f(1−f), dg·(1−g²), do·o(1−o))          δc_{t−1} = δc ⊙ f
/// dW_h += Σ_t dz_tᵀ h_{t−1}    dW_x += Σ_t dz_tᵀ x_t    db += Σ_t dz_t    dx_t = dz_t W_x
/// ```
/// Rows are laid out b·T + t (as `BatchShape`). Reference: Hochreiter & Schmidhuber, "Long Short-Term
/// Memory", Neural Computation 9(8), 1997; gate layout as `torch.nn.LSTM`.
struct LSTM: Sendable {
    let inputWidth: Int
    let hiddenWidth: Int
    let input: Linear
    let recurrent: Linear

    /// What forward keeps for backward, each [B·T, ·] in row order b·T + t.
    final class Cache: @unchecked Sendable {
        /// Gate activations (i, f, g, o) [B·T, 4H]; cell c, tanh(c) and output h [B·T, H].
        let gates, cells, cellTanh, outputs: FloatBuffer
        init(rows: Int, hidden: Int) {
            gates = FloatBuffer(count: rows * 4 * hidden)
            cells = FloatBuffer(count: rows * hidden)
            cellTanh = FloatBuffer(count: rows * hidden)
            outputs = FloatBuffer(count: rows * hidden)
        }
    }

    init(_ name: String, inputWidth: Int, hiddenWidth: Int, layout: inout ParameterLayout) {
        self.inputWidth = inputWidth
        self.hiddenWidth = hiddenWidth
        input = Linear(name + ".input", input: inputWidth, output: 4 * hiddenWidth, layout: &layout)
        recurrent = Linear(name + ".recurrent", input: hiddenWidth, output: 4 * hiddenWidth, hasBias: false,
                           layout: &layout)
    }

    /// PyTorch's default: every weight and bias uniform in ±1/√H.
    func initialize(_ p: UnsafeMutablePointer<Float>, rng: inout SplitMix64) {
        let bound = 1 / Float(hiddenWidth).squareRoot()
        for offset in [input.weight, recurrent.weight] {
            for k in 0..<(4 * hiddenWidth * (offset == input.weight ? inputWidth : hiddenWidth)) {
                p[offset + k] = (rng.nextUnitFloat() * 2 - 1) * bound
            }
        }
        if let bias = input.bias {
            for k in 0..<(4 * hiddenWidth) { p[bias + k] = (rng.nextUnitFloat() * 2 - 1) * bound }
        }
    }

    /// x [B·T, I] → cache.outputs [B·T, H] (zero at padded steps).
    func forward(_ x: UnsafePointer<Float>, batch: BatchShape, parameters p: UnsafePointer<Float>) -> Cache {
        let h = hiddenWidth, t = batch.length, rows = batch.rows
        let cache = Cache(rows: rows, hidden: h)
        let z = cache.gates.pointer, c = cache.cells.pointer, ct = cache.cellTanh.pointer, y = cache.outputs.pointer
        input.forward(x, rows: rows, parameters: p, into: z)
        for step in 0..<t {
            if step > 0 {
                // z[b, step] += h[b, step − 1] · W_hᵀ for every b (rows strided by T).
                gemm(.none, .transposed, m: batch.batchSize, n: 4 * h, k: h, y + (step - 1) * h, lda: t * h,
                     p + recurrent.weight, ldb: h, beta: 1, z + step * 4 * h, ldc: t * 4 * h)
            }
            for b in 0..<batch.batchSize {
                let row = b * t + step
                let gates = z + row * 4 * h, cell = c + row * h, squashed = ct + row * h, out = y + row * h
                guard step < batch.lengths[b] else {
                    gates.update(repeating: 0, count: 4 * h)
                    cell.update(repeating: 0, count: h)
                    squashed.update(repeating: 0, count: h)
                    out.update(repeating: 0, count: h)
                    continue
                }
                for k in 0..<h {
                    let i = sigmoid(gates[k]), f = sigmoid(gates[h + k])
                    let g = Foundation.tanh(gates[2 * h + k]), o = sigmoid(gates[3 * h + k])
                    gates[k] = i; gates[h + k] = f; gates[2 * h + k] = g; gates[3 * h + k] = o
                    let previous: Float = step > 0 ? c[(row - 1) * h + k] : 0
                    cell[k] = f * previous + i * g
                    squashed[k] = Foundation.tanh(cell[k])
                    out[k] = o * squashed[k]
                }
            }
        }
        return cache
    }

    /// dy [B·T, H] → dx [B·T, I] (overwritten; zero at padded steps); parameter gradients accumulate into `g`
    /// (skipped when nil).
    func backward(_ dy: UnsafePointer<Float>, x: UnsafePointer<Float>, batch: BatchShape, cache: Cache,
                  parameters p: UnsafePointer<Float>, gradients g: UnsafeMutablePointer<Float>?,
                  dx: UnsafeMutablePointer<Float>) {
        let h = hiddenWidth, t = batch.length, n = batch.batchSize
        let gates = cache.gates.pointer, c = cache.cells.pointer, ct = cache.cellTanh.pointer
        let y = cache.outputs.pointer
        let dz = FloatBuffer(count: batch.rows * 4 * h)
        let dhNext = FloatBuffer(count: n * h), dcNext = FloatBuffer(count: n * h)
        for step in stride(from: t - 1, through: 0, by: -1) {
            for b in 0..<n where step < batch.lengths[b] {
                let row = b * t + step
                let a = gates + row * 4 * h, d = dz.pointer + row * 4 * h
                let dh = dhNext.pointer + b * h, dc = dcNext.pointer + b * h
                for k in 0..<h {
                    let i = a[k], f = a[h + k], gg = a[2 * h + k], o = a[3 * h + k], s = ct[row * h + k]
                    let delta = dy[row * h + k] + dh[k]
                    let dCell = dc[k] + delta * o * (1 - s * s)
                    let previous: Float = step > 0 ? c[(row - 1) * h + k] : 0
                    d[k] = dCell * gg * i * (1 - i)
                    d[h + k] = dCell * previous * f * (1 - f)
                    d[2 * h + k] = dCell * i * (1 - gg * gg)
                    d[3 * h + k] = delta * s * o * (1 - o)
                    dc[k] = dCell * f
                }
            }
            guard step > 0 else { break }
            // δh_{t−1} = dz_t · W_h for every b (padded rows have dz = 0); dW_h += dz_tᵀ h_{t−1}.
            gemm(.none, .none, m: n, n: h, k: 4 * h, dz.pointer + step * 4 * h, lda: t * 4 * h,
                 p + recurrent.weight, ldb: h, beta: 0, dhNext.pointer, ldc: h)
            if let g {
                gemm(.transposed, .none, m: 4 * h, n: h, k: n, dz.pointer + step * 4 * h, lda: t * 4 * h,
                     y + (step - 1) * h, ldb: t * h, beta: 1, g + recurrent.weight, ldc: h)
            }
        }
        input.backward(dz.pointer, x: x, rows: batch.rows, parameters: p, gradients: g, dx: dx)
        withExtendedLifetime((dz, dhNext, dcNext, cache)) {}
    }
}

/// The logistic function 1 / (1 + e^{−x}).
@inline(__always) func sigmoid(_ x: Float) -> Float { 1 / (1 + exp(-x)) }
