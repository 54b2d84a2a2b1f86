// Tests for raw attention per layer and for context attention alone.

import Testing
@testable import Core

@Suite struct RawAttentionTests {
    /// Column sums of Ā^1 = [[.75 .25 0] [.5 .25 .25] [.25 0 .75]]: [1.5, .5, 1] → / 3 = [.5, 1/6, 1/3].
    /// Column sums of Ā^2 = [[.25 .625 .125] [.125 .25 .625] [.5 0 .5]]: [.875, .875, 1.25] → / 3.
    /// layers = [r^1, r^2, α]; scores = r^2 (the last layer).
    @Test func handWorkedCase() {
        let result = RawAttention().attribute(TracingFixtures.handMade)
        let layers = result.layers ?? []
        #expect(layers.count == 3)
        expectClose(layers[0], [0.5, 1.0 / 6, 1.0 / 3], "r^1")
        expectClose(layers[1], [0.875 / 3, 0.875 / 3, 1.25 / 3], "r^2")
        expectClose(layers[2], [0.5, 0.3, 0.2], "α")
        expectClose(result.scores, [0.875 / 3, 0.875 / 3, 1.25 / 3], "scores")
    }

    @Test func contextAttentionIsAlpha() {
        let result = ContextAttention().attribute(TracingFixtures.handMade)
        expectClose(result.scores, [0.5, 0.3, 0.2], "α")
        #expect(result.layers == nil)
    }
}
