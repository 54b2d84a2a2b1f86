// TwoSampleTests: Welch's t, Mann–Whitney U and Cohen's d against scipy / the formula, and their edge cases.
import Testing
@testable import Core

@Suite struct TwoSampleTests {
    let fixture: [String: Any]

    init() throws { fixture = try StatisticsFixtures.load("tests") }

    @Test func welchMatchesScipy() throws {
        let expected = fixture.object("welch")
        let result = try welchTTest(expected.doubles("x"), expected.doubles("y"))
        expectClose(result.statistic, expected.double("t"), "t")
        expectClose(result.pValue, expected.double("p"), "p")
        expectClose(try #require(result.df), expected.double("df"), "df")
        let interval = try #require(result.interval)
        expectClose(interval.lower, expected.double("lower"), "lower")
        expectClose(interval.upper, expected.double("upper"), "upper")
        expectClose(result.effectSize, result.mean1 - result.mean2, relative: 1e-12, "difference")
    }

    @Test func mannWhitneyWithTiesMatchesScipy() throws {
        let expected = fixture.object("mannWhitney")
        let result = try mannWhitneyUTest(expected.doubles("x"), expected.doubles("y"))
        expectClose(result.statistic, expected.double("u"), "U")
        expectClose(result.pValue, expected.double("p"), "p")
        expectClose(result.effectSize, 2 * result.statistic / Double(result.n1 * result.n2) - 1, relative: 1e-12,
                    "rank-biserial")
    }

    @Test func cohenDMatchesFormulaAndItsBootstrapMatchesPythonReplay() throws {
        let expected = fixture.object("cohenD")
        var generator = SplitMix64(seed: 7)
        let d = try cohenD(expected.doubles("x"), expected.doubles("y"), bootstrapResamples: 1_000, using: &generator)
        expectClose(d.estimate, expected.double("d"), "d")
        let reference = fixture.object("bootstrap").object("cohenDPercentile")
        let interval = try #require(d.interval)
        expectClose(interval.lower, reference.double("lower"), "lower")
        expectClose(interval.upper, reference.double("upper"), "upper")

        var bcaGenerator = SplitMix64(seed: 7)
        let bca = try cohenD(expected.doubles("x"), expected.doubles("y"), bootstrapResamples: 1_000,
                             bootstrapMethod: .bca, using: &bcaGenerator)
        let bcaReference = fixture.object("bootstrap").object("cohenDBCa")
        expectClose(try #require(bca.interval).lower, bcaReference.double("lower"), "bca lower")
        expectClose(try #require(bca.interval).upper, bcaReference.double("upper"), "bca upper")
    }

    @Test func constantAndTinyInputsThrow() {
        var generator = SplitMix64(seed: 1)
        #expect(throws: StatisticsError.constantInput(argument: "x and y (both have zero variance)")) {
            try welchTTest([1, 1, 1], [2, 2])
        }
        #expect(throws: StatisticsError.tooFewObservations(n: 1, needed: 2)) { try welchTTest([1], [2, 3]) }
        #expect(throws: StatisticsError.constantInput(argument: "x ∪ y (all values equal)")) {
            try mannWhitneyUTest([3, 3], [3, 3, 3])
        }
        #expect(throws: StatisticsError.tooFewObservations(n: 0, needed: 1)) { try mannWhitneyUTest([], [1]) }
        #expect(throws: StatisticsError.constantInput(argument: "x and y (pooled standard deviation is 0)")) {
            try cohenD([2, 2], [2, 2, 2], using: &generator)
        }
        #expect(throws: StatisticsError.nonFiniteInput(argument: "y")) { try welchTTest([1, 2], [1, .infinity]) }
    }

    /// One group constant, the other not: Welch is defined (only one variance is zero).
    @Test func welchWithOneConstantGroupIsFinite() throws {
        let result = try welchTTest([1, 1, 1, 1], [0, 2, 4, 3])
        #expect(result.statistic.isFinite && result.pValue.isFinite && result.df!.isFinite)
    }
}
