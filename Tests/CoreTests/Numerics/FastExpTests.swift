// FastExpTests: the branch-free exponential against the correctly rounded one, and GELU's backward built on it.
import Foundation
import Testing
@testable import Core

@Suite struct FastExpTests {
    /// Every 1/1024 over the whole clamped range [−87, 88] (180,225 points: every exponent n, many r per n), against
    /// exp in Double. The Taylor truncation is ≤ 3.4·10⁻⁸; Horner's seven roundings, each ≤ ε/2 relative and most
    /// damped by a factor |r| ≤ 0.35, add about 1.2ε. A numpy float32 replay of the same operations gave 2.37·10⁻⁷
    /// at worst (under 2ε = 2.38·10⁻⁷), so the bound is the one the arithmetic allows, not a loose one.
    @Test func withinTwoEpsilonOfExp() {
        var worst = 0.0, at: Float = 0
        for i in (-87 * 1024)...(88 * 1024) {
            let x = Float(i) / 1024
            let error = abs(Double(fastExp(x)) / exp(Double(x)) - 1)
            if error > worst { (worst, at) = (error, x) }
        }
        #expect(worst <= 2 * Double(Float.ulpOfOne), "fastExp: relative error \(worst) at x = \(at)")
    }

    /// e⁰ is exactly 1 (r = 0, n = 0); outside the range the value is clamped, never infinite, zero or NaN.
    @Test func exactAtZeroAndClampedOutsideTheRange() {
        #expect(fastExp(0) == 1)
        #expect(fastExp(-1_000) == fastExp(-87) && fastExp(-1_000) > 0)
        #expect(fastExp(1_000) == fastExp(88) && fastExp(1_000).isFinite)
    }

    /// GELU'(u) = Φ(u) + u·φ(u) against the same formula in Double with the library's erf, over GELU's inputs.
    @Test func geluBackwardMatchesTheExactDerivative() {
        let inputs = (-6000...6000).map { Float($0) / 1000 }
        var gradients = [Float](repeating: 1, count: inputs.count)
        gradients.withUnsafeMutableBufferPointer { d in
            inputs.withUnsafeBufferPointer { u in geluBackward(d.baseAddress!, input: u.baseAddress!, count: u.count, threads: 1) }
        }
        let worst = zip(inputs, gradients).map { u, g in
            let x = Double(u)
            let exact = 0.5 * (1 + erf(x / 2.0.squareRoot())) + x * exp(-x * x / 2) / (2 * Double.pi).squareRoot()
            return abs(Double(g) - exact)
        }.max()!
        // erf's 5·10⁻⁷ (fastErfMatchesTheLibraryErfToFloatPrecision) halved, plus |u|·φ(u)'s float rounding (≤ 1e-7).
        #expect(worst < 1e-6, "GELU backward: largest error \(worst)")
    }
}
