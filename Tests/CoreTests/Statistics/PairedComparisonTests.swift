// PairedComparisonTests: Wilcoxon signed-rank against scipy (zeros, ties) and the paired bootstrap.
import Testing
@testable import Core

@Suite struct PairedComparisonTests {
    let fixture: [String: Any]

    init() throws { fixture = try StatisticsFixtures.load("tests").object("wilcoxon") }

    @Test func wilcoxonMatchesScipy() throws {
        let x = fixture.doubles("x"), y = fixture.doubles("y")
        let plain = try wilcoxonSignedRank(x, y)
        expectClose(plain.statistic, fixture.double("statistic"), "W")
        expectClose(plain.pValue, fixture.double("p"), "p")
        let corrected = try wilcoxonSignedRank(x, y, continuityCorrection: true)
        expectClose(corrected.pValue, fixture.double("pCorrected"), "p corrected")
        #expect(corrected.pValue > plain.pValue)
    }

    @Test func wilcoxonAllZeroDifferencesThrows() {
        #expect(throws: StatisticsError.constantInput(argument: "x − y (every difference is zero)")) {
            try wilcoxonSignedRank([1, 2, 3], [1, 2, 3])
        }
    }

    /// A clear, consistent shift: the interval excludes 0 and the p-value is at its floor 2/(B + 1).
    @Test func pairedBootstrapDetectsAShift() throws {
        let x = (0..<40).map { Double($0 % 7) + 1.0 }, y = x.map { $0 - 0.5 - 0.01 * $0 }
        var generator = SplitMix64(seed: 3)
        let result = try pairedBootstrapMeanDifference(x, y, resamples: 1_000, using: &generator)
        let interval = try #require(result.interval)
        #expect(interval.lower > 0)
        expectClose(result.pValue, 2.0 / 1_001.0, relative: 1e-12, "p floor")
        expectClose(result.effectSize, zip(x, y).map { $0 - $1 }.reduce(0, +) / 40, relative: 1e-12, "mean difference")
    }

    @Test func pairedBootstrapMatchesPythonReplay() throws {
        let expected = try StatisticsFixtures.load("tests").object("pairedBootstrap")
        var generator = SplitMix64(seed: 5)
        let result = try pairedBootstrapMeanDifference(fixture.doubles("x"), fixture.doubles("y"), resamples: 1_000,
                                                       using: &generator)
        expectClose(result.effectSize, expected.double("estimate"), "mean difference")
        expectClose(try #require(result.interval).lower, expected.double("lower"), "lower")
        expectClose(try #require(result.interval).upper, expected.double("upper"), "upper")
        expectClose(result.pValue, expected.double("p"), "p")
    }

    @Test func pairedBootstrapIsReproducible() throws {
        let x: [Double] = [1, 4, 2, 8, 5, 7, 3, 3, 9, 0], y: [Double] = [2, 3, 2, 6, 6, 7, 1, 4, 7, 1]
        var first = SplitMix64(seed: 11), second = SplitMix64(seed: 11)
        let a = try pairedBootstrapMeanDifference(x, y, using: &first)
        let b = try pairedBootstrapMeanDifference(x, y, using: &second)
        #expect(a == b)
        #expect(a.pValue > 0.05)
    }
}
