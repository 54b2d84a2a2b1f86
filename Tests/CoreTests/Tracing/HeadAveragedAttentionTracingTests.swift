// Tests for LAT with heads averaged per layer: the hand-worked case and mass conservation.

import Testing
@testable import Core

@Suite struct HeadAveragedAttentionTracingTests {
    /// Ā^2 = mean(A^{2,1}, A^{2,2}) = [[.25 .625 .125] [.125 .25 .625] [.5 0 .5]]
    /// Ā^1 = mean(A^{1,1}, A^{1,2}) = [[.75 .25 0] [.5 .25 .25] [.25 0 .75]]
    /// s^1 = α · Ā^2 = [.5·.25 + .3·.125 + .2·.5, .5·.625 + .3·.25, .5·.125 + .3·.625 + .2·.5]
    ///     = [.2625, .3875, .35]
    /// s^0 = s^1 · Ā^1 = [.2625·.75 + .3875·.5 + .35·.25, .2625·.25 + .3875·.25, .3875·.25 + .35·.75]
    ///     = [.478125, .1625, .359375]   (sum 1)
    @Test func handWorkedCase() {
        let result = HeadAveragedAttentionTracing().attribute(TracingFixtures.handMade)
        expectClose(result.scores, [0.478125, 0.1625, 0.359375], "scores")
        let layers = result.layers ?? []
        #expect(layers.count == 3)
        expectClose(layers[1], [0.2625, 0.3875, 0.35], "s^1")
        expectClose(layers[2], [0.5, 0.3, 0.2], "s^2")
        #expect(result.heads == nil)
    }

    @Test func keepsUnitMassAtEveryDepth() {
        let maps = TracingFixtures.random(layers: 4, heads: 3, tokens: 9, seed: 5)
        for trace in HeadAveragedAttentionTracing().attribute(maps).layers ?? [] {
            #expect(abs(trace.reduce(0, +) - 1) < 1e-5)
        }
    }
}
