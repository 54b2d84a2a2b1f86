// Tests for the paired comparisons between methods: scipy/statsmodels references, the Holm family, determinism.
import Foundation
import Testing
@testable import Core

@Suite struct MethodComparisonsTests {
    /// Comprehensiveness AOPC of four methods over 12 examples, from `method_pair_cases()` in
    /// Tests/scripts/faithfulness_references.py (numpy default_rng(31), one decimal, so with ties and zero differences).
    static let values: [MethodID: [Double]] = [
        .lat: [1.2, 0.3, 0.9, 0.6, 0.9, 0.3, 0.2, 0.5, 1.3, 0.6, 0.9, 1.3],
        .rollout: [1.0, 0.2, 0.7, 0.5, 0.7, 0.1, 0.1, 0.2, 1.0, 0.3, 0.6, 1.0],
        .gradientSensitivity: [1.0, 0.2, 0.8, 0.6, 0.6, 0.1, 0.1, 0.1, 1.2, 0.2, 0.8, 1.1],
        .random: [0.1, 0.2, 0.1, 0.4, 0.0, 0.3, 0.5, 0.3, 0.4, 0.3, 0.4, 0.5],
    ]

    struct Pair: Sendable, CustomTestStringConvertible {
        var first: MethodID, second: MethodID
        var meanDifference, statistic, p, rankBiserial, holm, bh, lower, upper: Double
        init(_ first: String, _ second: String, meanDifference: Double, statistic: Double, p: Double,
             rankBiserial: Double, holm: Double, bh: Double, lower: Double, upper: Double) {
            (self.first, self.second) = (MethodID(rawValue: first)!, MethodID(rawValue: second)!)
            (self.meanDifference, self.statistic, self.p, self.rankBiserial) = (meanDifference, statistic, p, rankBiserial)
            (self.holm, self.bh, self.lower, self.upper) = (holm, bh, lower, upper)
        }
        var testDescription: String { "\(first.rawValue) − \(second.rawValue)" }
    }

    /// Printed by the same script: mean difference; scipy 1.17 `wilcoxon(x, y, zero_method='wilcox',
    /// correction=False, method='asymptotic')` statistic and p; (W⁺ − W⁻)/(W⁺ + W⁻) from `rankdata`; statsmodels 0.15
    /// `multipletests(p, method='holm' | 'fdr_bh')` over the six pairs; the percentile interval of 200 paired
    /// resamples re-drawn with the Swift generator (seed 4 ^ 0xC0FFEE00D15EA5E5, every pair from one generator).
    static let reference: [Pair] = [
        Pair("lat", "rollout", meanDifference: 0.21666666666666665, statistic: 0.0, p: 0.0021572604979440573, rankBiserial: 1.0, holm: 0.012943562987664345, bh: 0.009804089598225076, lower: 0.16666666666666666, upper: 0.2585416666666667),
        Pair("lat", "gradient-sensitivity", meanDifference: 0.18333333333333335, statistic: 0.0, p: 0.003268029866075025, rankBiserial: 1.0, holm: 0.016340149330375125, bh: 0.009804089598225076, lower: 0.11666666666666665, upper: 0.2416666666666667),
        Pair("lat", "random", meanDifference: 0.4583333333333333, statistic: 4.5, p: 0.01115761563576698, rankBiserial: 0.8636363636363636, holm: 0.04463046254306792, bh: 0.02231523127153396, lower: 0.20000000000000004, upper: 0.7085416666666667),
        Pair("rollout", "gradient-sensitivity", meanDifference: -0.033333333333333354, statistic: 8.0, p: 0.1588529378909529, rankBiserial: -0.5555555555555556, holm: 0.24796893782944118, bh: 0.1588529378909529, lower: -0.09166666666666672, upper: 0.024999999999999984),
        Pair("rollout", "random", meanDifference: 0.2416666666666667, statistic: 10.5, p: 0.08273102231510242, rankBiserial: 0.6181818181818182, holm: 0.24796893782944118, bh: 0.0992772267781229, lower: 0.016458333333333335, upper: 0.4166666666666666),
        Pair("gradient-sensitivity", "random", meanDifference: 0.27499999999999997, statistic: 13.5, p: 0.08265631260981372, rankBiserial: 0.5909090909090909, holm: 0.24796893782944118, bh: 0.0992772267781229, lower: 0.00833333333333335, upper: 0.5416666666666666),
    ]

    /// The examples: each method's comprehensiveness AOPC as above, at its headline key and (LAT) at layer 2 too,
    /// which must not enter the comparisons; sufficiency = 1 − comprehensiveness.
    static func examples(_ values: [MethodID: [Double]] = values) -> [ExampleEvaluation] {
        (0..<12).map { i in
            var faithfulness: [AttributionKey: FaithfulnessResult] = [:]
            for (method, v) in values {
                faithfulness[AttributionKey(method)] = FaithfulnessSummaryTests.result(v[i], 1 - v[i])
            }
            faithfulness[AttributionKey(.lat, layer: 2)] = FaithfulnessSummaryTests.result(0.5, 0.5)
            return ExampleEvaluation(id: "e\(i)", faithfulness: faithfulness, plausibility: nil, sequencesScored: 1)
        }
    }

    static func summary(_ examples: [ExampleEvaluation] = examples()) -> FaithfulnessSummary {
        FaithfulnessSummary.summarise(examples, bins: FaithfulnessBins(), isRegression: false, resamples: 200, seed: 4)
    }

    @Test(arguments: reference)
    func matchesScipyAndStatsmodels(_ expected: Pair) throws {
        let pairs = try #require(Self.summary().pairwise[.comprehensiveness])
        let pair = try #require(pairs.first { $0.first.method == expected.first && $0.second.method == expected.second })
        #expect(pair.first.layer == nil && pair.second.layer == nil && pair.n == 12)
        expectClose(pair.meanDifference, expected.meanDifference, relative: 1e-12, "mean difference")
        let test = try #require(pair.test)
        expectClose(test.statistic, expected.statistic, relative: 1e-12, absolute: 1e-12, "W")
        expectClose(test.pValue, expected.p, relative: 1e-9, "p")
        expectClose(test.effectSize, expected.rankBiserial, relative: 1e-12, "rank-biserial")
        let adjusted = try #require(test.adjusted)
        expectClose(adjusted.holm, expected.holm, relative: 1e-9, "Holm")
        expectClose(adjusted.benjaminiHochberg, expected.bh, relative: 1e-9, "BH")
        let interval = try #require(pair.interval)
        expectClose(interval.lower, expected.lower, relative: 1e-9, absolute: 1e-12, "lower")
        expectClose(interval.upper, expected.upper, relative: 1e-9, absolute: 1e-12, "upper")
    }

    @Test func pairsAreTheHeadlineKeysInKeyOrder() throws {
        let pairs = try #require(Self.summary().pairwise[.comprehensiveness])
        #expect(pairs.map { "\($0.first)-\($0.second)" } == Self.reference.map { "\($0.first.rawValue)-\($0.second.rawValue)" })
    }

    @Test func holmIsOverThePairsOfOneFigure() throws {
        // Two identical methods: their pair is recorded without a test and leaves the family.
        var values = Self.values
        values[.latMean] = values[.lat]
        let summary = Self.summary(Self.examples(values))
        for figure in [FaithfulnessFigure.comprehensiveness, .sufficiency] {
            let pairs = try #require(summary.pairwise[figure])
            #expect(pairs.count == 10)
            let same = try #require(pairs.first { $0.first.method == .lat && $0.second.method == .latMean })
            #expect(same.test == nil && same.meanDifference == 0 && same.n == 12)
            let tested = pairs.compactMap(\.test)
            #expect(tested.count == 9)
            let holm = holmAdjusted(tested.map(\.pValue))
            for (test, expected) in zip(tested, holm) {
                #expect(test.adjusted?.familySize == 9)
                #expect(test.adjusted?.family == "\(figure.rawValue).wilcoxon-between-methods")
                expectClose(test.adjusted!.holm, expected, relative: 1e-12, "Holm")
            }
        }
        #expect(summary.pairwise[.auprc] == nil, "no plausibility, no pairs")
    }

    @Test func tooFewExamplesGiveNoTestAndNoInterval() throws {
        let pairs = MethodPairComparison.compare(Array(Self.examples().prefix(1)), figure: .comprehensiveness,
                                                 keys: [AttributionKey(.lat), AttributionKey(.random)])
        let pair = try #require(pairs.first)
        #expect(pairs.count == 1 && pair.n == 1 && pair.test == nil && pair.interval == nil)
        expectClose(pair.meanDifference, 1.1, relative: 1e-12, "one difference")
    }

    @Test func sameInputsSameBytes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let a = try encoder.encode(Self.summary()), b = try encoder.encode(Self.summary())
        #expect(a == b)
        let json = String(decoding: a, as: UTF8.self)
        #expect(json.contains("\"pairwise\"") && json.contains("wilcoxon-between-methods") && !json.contains("NaN"))
        #expect(json.contains("\"first\":\"lat\"") && json.contains("\"second\":\"random\""))
        #expect(try JSONDecoder().decode(FaithfulnessSummary.self, from: a) == Self.summary())
    }
}
