// Tests for attention rollout: the hand-worked case, mass conservation, and equality with the rollout matrix product.

import Testing
@testable import Core

@Suite struct AttentionRolloutTests {
    /// W^l = 0.5 · Ā^l + 0.5 · I (rows already sum to 1), so s · W = 0.5 · s + 0.5 · (s · Ā).
    /// s^1 = 0.5 · α + 0.5 · (α · Ā^2) = 0.5 · [.5, .3, .2] + 0.5 · [.2625, .3875, .35] = [.38125, .34375, .275]
    /// s^1 · Ā^1 = [.38125·.75 + .34375·.5 + .275·.25, .38125·.25 + .34375·.25, .34375·.25 + .275·.75]
    ///           = [.5265625, .18125, .2921875]
    /// s^0 = 0.5 · s^1 + 0.5 · (s^1 · Ā^1) = [.45390625, .2625, .28359375]   (sum 1)
    @Test func handWorkedCase() {
        let result = AttentionRollout().attribute(TracingFixtures.handMade)
        expectClose(result.scores, [0.45390625, 0.2625, 0.28359375], "scores")
        let layers = result.layers ?? []
        #expect(layers.count == 3)
        expectClose(layers[1], [0.38125, 0.34375, 0.275], "s^1")
        expectClose(layers[2], [0.5, 0.3, 0.2], "s^2")
    }

    /// α · (W^L ⋯ W^1) computed as a matrix product first, then applied to α, gives the same scores.
    @Test func matchesTheRolloutMatrix() {
        let maps = TracingFixtures.random(layers: 3, heads: 2, tokens: 4, seed: 9)
        let n = maps.tokens
        let w = residualHeadMeans(maps)
        func matrix(_ l: Int) -> [[Double]] {
            (0..<n).map { i in (0..<n).map { j in Double(w[l * n * n + i * n + j]) } }
        }
        func multiply(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
            (0..<n).map { i in (0..<n).map { j in (0..<n).reduce(0) { $0 + a[i][$1] * b[$1][j] } } }
        }
        var product = matrix(maps.layers - 1)
        for l in stride(from: maps.layers - 2, through: 0, by: -1) { product = multiply(product, matrix(l)) }
        let expected = (0..<n).map { j in (0..<n).reduce(0.0) { $0 + Double(maps.context[$1]) * product[$1][j] } }
        expectClose(AttentionRollout().attribute(maps).scores, expected, tolerance: 1e-6, "rollout")
        for trace in AttentionRollout().attribute(maps).layers ?? [] {
            #expect(abs(trace.reduce(0, +) - 1) < 1e-5)
        }
    }
}
