// Tests for LAT (per-head chains): the hand-worked 2-layer, 2-head, 3-token case and mass conservation.

import Testing
@testable import Core

@Suite struct LayerwiseAttentionTracingTests {
    /// Worked by hand (row vector times matrix: out_j = Σ_i s_i A[i][j]); α = s^2 = [.5, .3, .2].
    ///
    /// Head 1: s^1 = α · A^{2,1}; A^{2,1} sends row 0 → col 1, row 1 → col 2, row 2 → col 0, so
    ///         s^1 = [s_2, s_0, s_1] = [.2, .5, .3].
    ///         s^0 = s^1 · A^{1,1}: [.2·.5 + .3·.5, .2·.5 + .5·.5, .5·.5 + .3·.5] = [.25, .35, .40].
    /// Head 2: s^1 = α · A^{2,2}: [.5·.5 + .3·.25, .5·.25 + .3·.5, .5·.25 + .3·.25 + .2·1] = [.325, .275, .4].
    ///         s^0 = s^1 · A^{1,2}; rows 0 and 1 go to col 0, row 2 to col 2: [.325 + .275, 0, .4] = [.6, 0, .4].
    /// Sums over heads: s^0 = [.85, .35, .8], s^1 = [.525, .775, .7], s^2 = 2α = [1, .6, .4].
    @Test func handWorkedCase() {
        let result = LayerwiseAttentionTracing().attribute(TracingFixtures.handMade)
        expectClose(result.scores, [0.85, 0.35, 0.8], "scores")
        let layers = result.layers ?? []
        #expect(layers.count == 3)
        expectClose(layers[0], [0.85, 0.35, 0.8], "s^0")
        expectClose(layers[1], [0.525, 0.775, 0.7], "s^1")
        expectClose(layers[2], [1.0, 0.6, 0.4], "s^2")
        let heads = result.heads ?? []
        #expect(heads.count == 2)
        expectClose(heads[0][0], [0.25, 0.35, 0.4], "head 1 s^0")
        expectClose(heads[0][1], [0.2, 0.5, 0.3], "head 1 s^1")
        expectClose(heads[0][2], [0.5, 0.3, 0.2], "head 1 s^2")
        expectClose(heads[1][0], [0.6, 0, 0.4], "head 2 s^0")
        expectClose(heads[1][1], [0.325, 0.275, 0.4], "head 2 s^1")
    }

    @Test func headsCanBeLeftOut() {
        let result = LayerwiseAttentionTracing(recordsHeads: false).attribute(TracingFixtures.handMade)
        #expect(result.heads == nil)
        expectClose(result.scores, [0.85, 0.35, 0.8], "scores")
    }

    /// Row-stochastic maps: every per-head chain has mass Σ α = 1 at every depth.
    @Test(arguments: [(1, 1, 1), (2, 3, 5), (6, 8, 17)])
    func everyHeadKeepsUnitMass(shape: (layers: Int, heads: Int, tokens: Int)) {
        let maps = TracingFixtures.random(layers: shape.layers, heads: shape.heads, tokens: shape.tokens, seed: 11)
        let result = LayerwiseAttentionTracing().attribute(maps)
        for (h, chain) in (result.heads ?? []).enumerated() {
            #expect(chain.count == shape.layers + 1)
            for (l, trace) in chain.enumerated() {
                let mass = trace.reduce(0, +)
                #expect(abs(mass - 1) < 1e-5, "head \(h), depth \(l): mass \(mass)")
                #expect(trace.allSatisfy { $0 >= 0 })
            }
        }
        let total = result.scores.reduce(0, +)
        #expect(abs(total - Float(shape.heads)) < 1e-4 * Float(shape.heads))
    }
}
