// DecompositionIdentityTests: a hand-worked case of every decomposition method, and the identities the issue names.
import Foundation
import Testing
@testable import Core

@Suite struct DecompositionIdentityTests {
    /// 2 tokens, 1 layer, 1 head, D = 2, W_V = W_O = I and no biases (so F_j = x_j), both layer norms the identity:
    ///
    ///     x₁ = (1, 0)   x₂ = (0, 2)   A = [[0.75 0.25] [0.5 0.5]]   s₁ = x + A·x: s₁₁ = (1.75, 0.5), s₁₂ = (0.5, 3)
    ///
    /// - norm, C_ij ∝ A_ij ‖x_j‖: row 1 (0.75·1, 0.25·2) = (0.75, 0.5) → (0.6, 0.4); row 2 (0.5, 1) → (1/3, 2/3).
    /// - norm + residual + LN (LN = I): T₁(x₁) = 1.75·x₁ → 1.75, T₁(x₂) = (0, 0.5) → 0.5 → (7/9, 2/9);
    ///   T₂(x₁) = (0.5, 0) → 0.5, T₂(x₂) = (0, 3) → 3 → (1/7, 6/7). GlobEnc (LN₂ = I) is the same.
    /// - ALTI: ‖a₁‖₁ = 2.25; ‖a₁ − T₁(x₁)‖₁ = 0.5 → 1.75, ‖a₁ − T₁(x₂)‖₁ = 1.75 → 0.5 → (7/9, 2/9);
    ///   ‖a₂‖₁ = 3.5; distances 3 and 0.5 → (0.5, 3) → (1/7, 6/7).
    /// - value zeroing with the tail y = s₁: y₁ = (1.75, 0.5); v₁ = 0 gives (1, 0.5), 1 − cos = 0.0171278;
    ///   v₂ = 0 gives (1.75, 0), 1 − cos = 0.0384761 → (0.308033, 0.691967); y₂ = (0.5, 3): v₁ = 0 gives (0, 3),
    ///   1 − cos = 0.0136061; v₂ = 0 gives (0.5, 2), 1 − cos = 0.0031847 → (0.810329, 0.189671).
    /// - composed from α = (0.5, 0.5): norm 0.5·(0.6, 0.4) + 0.5·(1/3, 2/3) = (0.466667, 0.533333).
    static let handWorked = LayerDecomposition(
        tokens: 2, width: 2, heads: 1, input: [1, 0, 0, 2], attention: [0.75, 0.25, 0.5, 0.5],
        headOutputs: [1, 0, 0, 2], outputBias: [0, 0],
        norm1: .identity(tokens: 2, width: 2), norm2: .identity(tokens: 2, width: 2))

    @Test func theHandWorkedCase() {
        let c = Self.handWorked.contributions(Set(DecomposedEncoder.methods), tail: { sums, _ in sums })
        expectClose(c[.norm] ?? [], [0.6, 0.4, 1.0 / 3, 2.0 / 3], tolerance: 1e-6, "norm")
        expectClose(c[.normResidual] ?? [], [7.0 / 9, 2.0 / 9, 1.0 / 7, 6.0 / 7], tolerance: 1e-6, "norm-residual")
        expectClose(c[.globEnc] ?? [], [7.0 / 9, 2.0 / 9, 1.0 / 7, 6.0 / 7], tolerance: 1e-6, "globenc")
        expectClose(c[.alti] ?? [], [7.0 / 9, 2.0 / 9, 1.0 / 7, 6.0 / 7], tolerance: 1e-6, "alti")
        // 1 − cos of nearly parallel float32 vectors: ~1e-7 absolute on distances of ~1e-2, so 1e-4 after normalising.
        expectClose(c[.valueZeroing] ?? [], [0.308033, 0.691967, 0.810329, 0.189671], tolerance: 1e-4, "value zeroing")
        let decomposed = DecomposedEncoder([Self.handWorked], methods: Set(DecomposedEncoder.methods),
                                           tails: [{ sums, _ in sums }])
        let scores = decomposed.attributions(context: [0.5, 0.5])
        expectClose(scores[.norm]?.scores ?? [], [0.466667, 0.533333], tolerance: 1e-6, "norm composed")
        // norm-weighted LAT with one head is the norm matrix traced from α.
        expectClose(scores[.latNorm]?.scores ?? [], [0.466667, 0.533333], tolerance: 1e-6, "lat-norm composed")
    }

    /// Random layers: n tokens, H heads, width D, softmax attention rows.
    static func random(tokens n: Int, heads: Int, width d: Int, seed: UInt64, identityNorms: Bool = false,
                       input: [Float]? = nil) -> LayerDecomposition {
        var g = SplitMix64(seed: seed)
        func normal(_ count: Int) -> [Float] { (0..<count).map { _ in Float(g.nextNormal()) } }
        var attention = [Float]()
        for _ in 0..<(heads * n) {
            let e = normal(n).map { Float(exp(Double($0))) }
            let s = e.reduce(0, +)
            attention += e.map { $0 / s }
        }
        func norm() -> NormLinearisation {
            identityNorms ? .identity(tokens: n, width: d)
                : NormLinearisation(gamma: normal(d).map { 1 + 0.2 * $0 }, beta: normal(d),
                                    rstd: normal(n).map { 1 + 0.3 * abs($0) })
        }
        return LayerDecomposition(tokens: n, width: d, heads: heads, input: input ?? normal(n * d),
                                  attention: attention, headOutputs: normal(heads * n * d), outputBias: normal(d),
                                  norm1: norm(), norm2: norm())
    }

    /// W_V = W_O = I, no biases, one head: norm-based attention is A weighted by ‖x_j‖ (rows normalised).
    @Test func normBasedAttentionOfAnIdentityHeadIsAttentionWeightedByTheInputNorm() {
        let n = 6, d = 4
        var layer = Self.random(tokens: n, heads: 1, width: d, seed: 1)
        layer.headOutputs = layer.input
        let c = layer.contributions([.norm])[.norm] ?? []
        var expected = [Double]()
        for i in 0..<n {
            let row = (0..<n).map { j in
                Double(layer.attention[i * n + j]) * (0..<d).map { Double(layer.input[j * d + $0] * layer.input[j * d + $0]) }
                    .reduce(0, +).squareRoot()
            }
            let total = row.reduce(0, +)
            expected += row.map { $0 / total }
        }
        expectClose(c, expected, tolerance: 1e-6, "norm")
    }

    /// With the residual removed (x = 0; the values stay) and both layer norms the identity, the Kobayashi-2021
    /// matrix is the 2020 one, and so is GlobEnc's.
    @Test func withoutResidualAndNormsTheResidualMethodsAreNormBasedAttention() {
        let n = 5, d = 3
        let layer = Self.random(tokens: n, heads: 2, width: d, seed: 2, identityNorms: true,
                                input: [Float](repeating: 0, count: n * d))
        let c = layer.contributions([.norm, .normResidual, .globEnc])
        expectClose(c[.normResidual] ?? [], (c[.norm] ?? []).map(Double.init), tolerance: 1e-6, "2021 vs 2020")
        expectClose(c[.globEnc] ?? [], (c[.norm] ?? []).map(Double.init), tolerance: 1e-6, "GlobEnc vs 2020")
    }

    /// Every query attending only to position k: zeroing any other value changes nothing, so value zeroing gives
    /// those positions zero contribution and k all of it (any tail: here a nonlinear one).
    @Test func valueZeroingOfOneHotAttentionCreditsOnlyTheAttendedPosition() {
        let n = 4, d = 3, k = 2
        var layer = Self.random(tokens: n, heads: 2, width: d, seed: 3)
        layer.attention = (0..<(2 * n)).flatMap { _ in (0..<n).map { $0 == k ? Float(1) : 0 } }
        let tail: LayerTail = { sums, _ in sums.map { Float(tanh(Double($0))) } }
        let c = layer.contributions([.valueZeroing], tail: tail)[.valueZeroing] ?? []
        let expected = (0..<n).flatMap { _ in (0..<n).map { $0 == k ? 1.0 : 0.0 } }
        expectClose(c, expected, tolerance: 1e-6, "value zeroing")
    }

    /// ALTI's rows (and every other method's) are distributions over the input positions.
    @Test func everyContributionRowSumsToOne() {
        let n = 7, d = 5
        let layer = Self.random(tokens: n, heads: 3, width: d, seed: 4)
        let c = layer.contributions(Set(DecomposedEncoder.methods), tail: { sums, _ in sums.map { $0 * $0 } })
        for (id, matrix) in c {
            #expect(matrix.allSatisfy { $0 >= 0 }, "\(id.rawValue) has a negative share")
            for i in 0..<n {
                let total = (0..<n).map { Double(matrix[i * n + $0]) }.reduce(0, +)
                #expect(abs(total - 1) < 1e-5, "\(id.rawValue) row \(i) sums to \(total)")
            }
        }
    }
}
