// GELU: the Gaussian error linear unit (BERT's exact "gelu") and its backward, with a fast erf.
import Foundation

/// y = GELU(u) = ½ u (1 + erf(u/√2)), elementwise (the exact form of BERT's "gelu").
func gelu(_ u: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int, threads: Int) {
    parallelChunks(count, threads: count >= 65_536 ? threads : 1) { _, start, end in
        for i in start..<end { y[i] = 0.5 * u[i] * (1 + fastErf(u[i] * 0.707_106_78)) }
    }
}

/// erf(x) by Abramowitz & Stegun 7.1.26: with t = 1/(1 + p|x|),
/// erf(|x|) ≈ 1 − (a₁t + a₂t² + a₃t³ + a₄t⁴ + a₅t⁵) e^{−x²}, odd in x; |error| ≤ 1.5·10⁻⁷ in exact arithmetic
/// (≤ 5·10⁻⁷ in Float, tested), a few float32 ulps. Half the cost of the C library's `erff`: GELU was
/// 38 % of MiniLM's forward time (BENCHMARKS.md). `gaussian` is e^{−x²}, passed in so that GELU's backward,
/// which needs the same exponential for the density, computes it once.
@inline(__always)
func fastErf(_ x: Float, gaussian: Float) -> Float {
    let a = abs(x)
    let t = 1 / (1 + 0.327_591_1 * a)
    let poly = t * (0.254_829_592 + t * (-0.284_496_736 + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))))
    let r = 1 - poly * gaussian
    return x < 0 ? -r : r
}

@inline(__always)
func fastErf(_ x: Float) -> Float { fastErf(x, gaussian: fastExp(-x * x)) }

/// In place: d ← d · GELU'(u), GELU'(u) = ½ (1 + erf(u/√2)) + u · e^{−u²/2} / √(2π).
func geluBackward(_ d: UnsafeMutablePointer<Float>, input u: UnsafePointer<Float>, count: Int, threads: Int) {
    parallelChunks(count, threads: count >= 65_536 ? threads : 1) { _, start, end in
        for i in start..<end {
            let x = u[i], s = x * 0.707_106_78
            let gaussian = fastExp(-s * s)  // e^{−x²/2}: erf's factor and, over √(2π), the normal density
            d[i] *= 0.5 * (1 + fastErf(s, gaussian: gaussian)) + x * gaussian * 0.398_942_28
        }
    }
}
