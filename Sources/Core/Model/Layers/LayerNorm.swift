// LayerNorm: per-row normalisation with learned scale and shift, with its backward right below.

/// Layer normalisation (Ba, Kiros & Hinton 2016, arXiv:1607.06450) over the last dimension C.
///
/// Forward, per row x ∈ R^C (the mean and reciprocal standard deviation are cached):
/// ```
/// μ = mean(x)    rstd = 1 / √(var(x) + ε)    x̂ = (x − μ)·rstd    y = γ ⊙ x̂ + β
/// ```
/// Backward, with ĝ = dy ⊙ γ (dx overwrites; dγ, dβ accumulate):
/// ```
/// dx = rstd · (ĝ − mean(ĝ) − x̂ · mean(ĝ ⊙ x̂))    dγ += Σ_rows dy ⊙ x̂    dβ += Σ_rows dy
/// ```
struct LayerNorm: Sendable {
    let width: Int
    let epsilon: Float
    let gamma: Int
    let beta: Int

    /// Registers `name.weight` (γ) and `name.bias` (β), both [width].
    init(_ name: String, width: Int, epsilon: Float, layout: inout ParameterLayout) {
        self.width = width
        self.epsilon = epsilon
        gamma = layout.add(name + ".weight", [width])
        beta = layout.add(name + ".bias", [width])
    }

    /// γ = 1, β = 0.
    func initialize(_ p: UnsafeMutablePointer<Float>) {
        (p + gamma).update(repeating: 1, count: width)
        (p + beta).update(repeating: 0, count: width)
    }

    /// x [rows, C] → y [rows, C]; mean and rstd [rows] are written for backward.
    func forward(_ x: UnsafePointer<Float>, rows: Int, parameters p: UnsafePointer<Float>,
                 into y: UnsafeMutablePointer<Float>, mean: UnsafeMutablePointer<Float>,
                 rstd: UnsafeMutablePointer<Float>, threads: Int) {
        let c = width
        let g = p + gamma, b = p + beta
        parallelChunks(rows, threads: threads) { _, start, end in
            for n in start..<end {
                let row = x + n * c
                let out = y + n * c
                let mu = sum(row, count: c) / Float(c)
                let r = 1 / (sumOfSquaredDeviations(row, from: mu, count: c) / Float(c) + epsilon).squareRoot()
                for i in 0..<c { out[i] = (row[i] - mu) * r * g[i] + b[i] }
                mean[n] = mu
                rstd[n] = r
            }
        }
    }

    /// dy, x [rows, C] → dx [rows, C] (overwritten); dγ, dβ accumulated into `g` when given.
    func backward(_ dy: UnsafePointer<Float>, x: UnsafePointer<Float>, mean: UnsafePointer<Float>,
                  rstd: UnsafePointer<Float>, rows: Int, parameters p: UnsafePointer<Float>,
                  gradients g: UnsafeMutablePointer<Float>?, dx: UnsafeMutablePointer<Float>, threads: Int) {
        let c = width
        let gammaValues = p + gamma
        parallelChunks(rows, threads: threads) { _, start, end in
            for n in start..<end {
                let dyRow = dy + n * c, xRow = x + n * c, dxRow = dx + n * c
                let mu = mean[n], r = rstd[n]
                // mean(ĝ) and mean(ĝ ⊙ x̂) with x̂ = (x − μ)·rstd, from two vectorised dot products.
                let sumG = dot(dyRow, gammaValues, count: c)
                let meanG = sumG / Float(c)
                let meanGX = r * (dot(dyRow, gammaValues, xRow, count: c) - mu * sumG) / Float(c)
                for i in 0..<c {
                    let xHat = (xRow[i] - mu) * r
                    dxRow[i] = r * (dyRow[i] * gammaValues[i] - meanG - xHat * meanGX)
                }
            }
        }
        guard let g else { return }
        let dGamma = g + gamma, dBeta = g + beta
        for n in 0..<rows {
            let dyRow = dy + n * c, xRow = x + n * c
            let mu = mean[n], r = rstd[n]
            for i in 0..<c {
                dGamma[i] += dyRow[i] * (xRow[i] - mu) * r
                dBeta[i] += dyRow[i]
            }
        }
    }
}
