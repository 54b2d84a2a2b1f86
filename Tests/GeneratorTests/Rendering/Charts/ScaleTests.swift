// ScaleTests: nice ticks and linear scales.
import Testing
@testable import Generator

@Suite struct ScaleTests {
    @Test func niceTicksCoverTheRangeWithRoundSteps() {
        let (ticks, domain) = niceTicks(lower: 0.013, upper: 0.087, count: 5)
        #expect(ticks == [0, 0.02, 0.04, 0.06, 0.08, 0.1].map { $0 } || ticks.first! <= 0.013)
        #expect(domain.lowerBound <= 0.013 && domain.upperBound >= 0.087)
        let steps = zip(ticks.dropFirst(), ticks).map { $0 - $1 }
        for step in steps { #expect(abs(step - steps[0]) < 1e-12) }
        #expect([1.0, 2.0, 5.0].contains { abs(steps[0] / 0.01 - $0) < 1e-9 || abs(steps[0] / 0.1 - $0) < 1e-9 })
    }

    @Test func valenceAxisGetsWholeNumbers() {
        let (ticks, domain) = niceTicks(lower: 1, upper: 9, count: 9)
        #expect(ticks == [1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(domain == 1...9)
        #expect(tickLabel(2, step: 1) == "2")
        #expect(tickLabel(0.05, step: 0.05) == "0.05")
        #expect(tickLabel(-0.5, step: 0.5) == "−0.5")
    }

    @Test func degenerateRangesStillGiveTicks() {
        #expect(niceTicks(lower: 3, upper: 3).ticks.count >= 2)
        #expect(niceTicks(lower: .nan, upper: 1).ticks.count >= 2)
    }

    @Test func scaleMapsEndsAndRunsBackwards() {
        let scale = LinearScale(domain: 0...10, range: (300, 20))
        #expect(scale(0) == 300)
        #expect(scale(10) == 20)
        #expect(scale(5) == 160)
    }
}
