// Linear: y = x·Wᵀ + b for all rows of a batch in one gemm, with its backward right below.

/// A fully connected layer. W is stored `[output, input]` (PyTorch's layout), b is `[output]`.
///
/// Forward, for `rows` rows (N) of width `input` (I) into width `output` (O):
/// ```
/// y[n, o] = Σ_i x[n, i] · W[o, i] + b[o]
/// ```
/// Backward (parameter gradients accumulate; dx overwrites or accumulates on request):
/// ```
/// dW += dyᵀ · x      db += Σ_n dy[n, :]      dx (+)= dy · W
/// ```
struct Linear: Sendable {
    let input: Int
    let output: Int
    /// Offsets of W and b in the parameter arena (b may be absent).
    let weight: Int
    let bias: Int?

    /// Registers `name.weight` [output, input] and `name.bias` [output].
    init(_ name: String, input: Int, output: Int, hasBias: Bool = true, layout: inout ParameterLayout) {
        self.input = input
        self.output = output
        weight = layout.add(name + ".weight", [output, input])
        bias = hasBias ? layout.add(name + ".bias", [output]) : nil
    }

    /// A view over tensors registered elsewhere (e.g. the fused query/key/value projection).
    init(input: Int, output: Int, weight: Int, bias: Int?) {
        self.input = input
        self.output = output
        self.weight = weight
        self.bias = bias
    }

    /// PyTorch's default: W and b uniform in ±1/√input.
    func initialize(_ p: UnsafeMutablePointer<Float>, rng: inout SplitMix64) {
        let bound = 1 / Float(input).squareRoot()
        for i in 0..<(input * output) { p[weight + i] = (rng.nextUnitFloat() * 2 - 1) * bound }
        if let bias { for i in 0..<output { p[bias + i] = (rng.nextUnitFloat() * 2 - 1) * bound } }
    }

    /// x [rows, input] → y [rows, output].
    func forward(_ x: UnsafePointer<Float>, rows: Int, parameters p: UnsafePointer<Float>,
                 into y: UnsafeMutablePointer<Float>, threads: Int = 1) {
        guard rows > 0 else { return }
        if let bias {
            for n in 0..<rows { (y + n * output).update(from: p + bias, count: output) }
        }
        gemm(threads: threads, .none, .transposed, m: rows, n: output, k: input, x, lda: input, p + weight,
             ldb: input, beta: bias == nil ? 0 : 1, y, ldc: output)
    }

    /// dy [rows, output], x [rows, input] → dW, db accumulated into `g` (skipped when nil);
    /// dx [rows, input] written (or added to when `accumulateInput`), skipped when nil.
    /// `threads` > 1 splits each product's rows over threads (see `gemm(threads:…)`).
    func backward(_ dy: UnsafePointer<Float>, x: UnsafePointer<Float>, rows: Int,
                  parameters p: UnsafePointer<Float>, gradients g: UnsafeMutablePointer<Float>?,
                  dx: UnsafeMutablePointer<Float>?, accumulateInput: Bool = false, threads: Int = 1) {
        guard rows > 0 else { return }
        if let g {
            gemm(threads: threads, .transposed, .none, m: output, n: input, k: rows, dy, lda: output, x,
                 ldb: input, beta: 1, g + weight, ldc: input)
            if let bias {
                let db = g + bias
                for n in 0..<rows {
                    let row = dy + n * output
                    for o in 0..<output { db[o] += row[o] }
                }
            }
        }
        if let dx {
            gemm(threads: threads, .none, .none, m: rows, n: input, k: output, dy, lda: output, p + weight,
                 ldb: input, beta: accumulateInput ? 1 : 0, dx, ldc: input)
        }
    }
}
