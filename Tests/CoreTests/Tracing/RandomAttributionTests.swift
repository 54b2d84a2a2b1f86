// Tests for the random-attribution baseline: seeded, reproducible, uniform in [0, 1).

import Testing
@testable import Core

@Suite struct RandomAttributionTests {
    @Test func sameSeedSameScores() {
        var a = SplitMix64(seed: 99), b = SplitMix64(seed: 99), c = SplitMix64(seed: 100)
        let first = RandomAttribution().attribute(tokens: 12, generator: &a)
        #expect(first == RandomAttribution().attribute(tokens: 12, generator: &b))
        #expect(first != RandomAttribution().attribute(tokens: 12, generator: &c))
        #expect(first.scores.count == 12 && first.scores.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(first.layers == nil)
    }
}
