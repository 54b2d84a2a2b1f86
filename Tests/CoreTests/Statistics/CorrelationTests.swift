// CorrelationTests: Pearson and Spearman (ties) against scipy, their intervals, and the edge cases.
import Testing
@testable import Core

@Suite struct CorrelationTests {
    let fixture: [String: Any]

    init() throws { fixture = try StatisticsFixtures.load("tests").object("correlation") }

    @Test func pearsonMatchesScipy() throws {
        let result = try pearsonCorrelation(fixture.doubles("x"), fixture.doubles("y"))
        let expected = fixture.object("pearson")
        expectClose(result.estimate, expected.double("r"), "r")
        expectClose(result.pValue, expected.double("p"), "p")
        let interval = try #require(result.interval)
        expectClose(interval.lower, expected.double("lower"), "lower")
        expectClose(interval.upper, expected.double("upper"), "upper")
        #expect(result.n == 40)
    }

    @Test func spearmanWithTiesMatchesScipy() throws {
        var generator = SplitMix64(seed: 1)
        let result = try spearmanCorrelation(fixture.doubles("x"), fixture.doubles("y"), using: &generator)
        let expected = fixture.object("spearman")
        expectClose(result.estimate, expected.double("rho"), "rho")
        expectClose(result.pValue, expected.double("p"), "p")
        let fisher = try #require(result.alternativeInterval)
        expectClose(fisher.lower, expected.double("fisherLower"), "fisher lower")
        expectClose(fisher.upper, expected.double("fisherUpper"), "fisher upper")
        #expect(result.interval == nil)
    }

    @Test func spearmanBootstrapMatchesPythonReplayOfTheSameResamples() throws {
        let tests = try StatisticsFixtures.load("tests")
        let expected = tests.object("bootstrap").object("spearmanPercentile")
        var generator = SplitMix64(seed: 99)
        let result = try spearmanCorrelation(fixture.doubles("x"), fixture.doubles("y"), bootstrapResamples: 1_000,
                                             using: &generator)
        let interval = try #require(result.interval)
        expectClose(interval.lower, expected.double("lower"), "lower")
        expectClose(interval.upper, expected.double("upper"), "upper")
        #expect(interval.method == "bootstrap-percentile")
        #expect(interval.lower <= result.estimate && result.estimate <= interval.upper)
    }

    @Test func perfectMonotoneRelationHasZeroPValueAndNoFisherInterval() throws {
        var generator = SplitMix64(seed: 1)
        let result = try spearmanCorrelation([1, 2, 3, 4, 5], [1, 4, 9, 16, 100], using: &generator)
        #expect(result.estimate == 1)
        #expect(result.pValue == 0)
        #expect(result.alternativeInterval == nil)
    }

    @Test func edgeCasesThrowClearErrors() {
        var generator = SplitMix64(seed: 1)
        #expect(throws: StatisticsError.tooFewObservations(n: 2, needed: 3)) {
            try spearmanCorrelation([1, 2], [2, 1], using: &generator)
        }
        #expect(throws: StatisticsError.constantInput(argument: "y")) {
            try spearmanCorrelation([1, 2, 3, 4], [5, 5, 5, 5], using: &generator)
        }
        #expect(throws: StatisticsError.nonFiniteInput(argument: "x")) {
            try pearsonCorrelation([1, .nan, 3], [1, 2, 3])
        }
        #expect(throws: StatisticsError.lengthMismatch(first: 3, second: 2)) {
            try pearsonCorrelation([1, 2, 3], [1, 2])
        }
    }
}
