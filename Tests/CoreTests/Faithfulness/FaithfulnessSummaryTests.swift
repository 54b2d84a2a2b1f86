// Tests for aggregating per-example faithfulness and plausibility: means, undefined values, tests against random.
import Foundation
import Testing
@testable import Core

@Suite struct FaithfulnessSummaryTests {
    static let lat = AttributionKey(.lat), random = AttributionKey(.random), latTop = AttributionKey(.lat, layer: 2)

    static func result(_ comprehensiveness: Double, _ sufficiency: Double) -> FaithfulnessResult {
        FaithfulnessResult(tokenCounts: [1, 2], comprehensiveness: [comprehensiveness, comprehensiveness],
                           sufficiency: [sufficiency, sufficiency],
                           comprehensivenessAOPC: comprehensiveness, sufficiencyAOPC: sufficiency)
    }

    /// Six examples; LAT's comprehensiveness beats random by 0.1, 0.2, … 0.6; example 3 has no rationale word
    /// (AUPRC undefined for every key), example 5 has no plausibility at all.
    static func examples() -> [ExampleEvaluation] {
        (0..<6).map { i in
            let d = 0.1 * Double(i + 1)
            let plausibility: [AttributionKey: PlausibilityResult]? = i == 5 ? nil : [
                lat: PlausibilityResult(scores: [3, 2, 1], rationale: i == 3 ? [0, 0, 0] : [1, 0, 0]),
                random: PlausibilityResult(scores: [1, 2, 3], rationale: i == 3 ? [0, 0, 0] : [1, 0, 0]),
            ]
            return ExampleEvaluation(id: "e\(i)",
                                     faithfulness: [lat: result(0.2 + d, 0.1), random: result(0.2, 0.1 + d),
                                                    latTop: result(0.2 + d / 2, 0.1)],
                                     plausibility: plausibility, sequencesScored: 5)
        }
    }

    @Test func meansIntervalsAndCounts() throws {
        let summary = FaithfulnessSummary.summarise(Self.examples(), bins: FaithfulnessBins(fractions: [0.1, 0.5]),
                                                    isRegression: false, resamples: 200, seed: 1)
        #expect(summary.examples == 6 && summary.sequencesScored == 30 && summary.outputMeasure == "probability")
        let comprehensiveness = try #require(summary.figures[.comprehensiveness]?[Self.lat])
        expectClose(comprehensiveness.mean, 0.55, "mean of 0.3 … 0.8")
        #expect(comprehensiveness.n == 6)
        let interval = try #require(comprehensiveness.interval)
        #expect(interval.lower < 0.55 && 0.55 < interval.upper && interval.lower >= 0.3 && interval.upper <= 0.8)
        // AUPRC: LAT ranks the rationale word first (1.0), random last (1/3); undefined in example 3, absent in 5.
        let auprc = try #require(summary.figures[.auprc]?[Self.lat])
        #expect(auprc.n == 4)
        expectClose(auprc.mean, 1, "AUPRC")
        expectClose(try #require(summary.figures[.auprc]?[Self.random]).mean, 1.0 / 3, "random AUPRC")
        expectClose(try #require(summary.binMeans[Self.random]).sufficiency[1], 0.45, "bin mean of 0.2 … 0.7")
    }

    @Test func pairedTestsAgainstRandomAreHolmAdjusted() throws {
        let summary = FaithfulnessSummary.summarise(Self.examples(), bins: FaithfulnessBins(), isRegression: false,
                                                    resamples: 100, seed: 1)
        let byKey = try #require(summary.figures[.comprehensiveness])
        #expect(byKey[Self.random]?.versusRandom == nil, "the baseline is not compared with itself")
        let test = try #require(byKey[Self.lat]?.versusRandom)
        let direct = try wilcoxonSignedRank((1...6).map { 0.2 + 0.1 * Double($0) }, Array(repeating: 0.2, count: 6))
        expectClose(test.pValue, direct.pValue, "Wilcoxon p")
        let top = try #require(byKey[Self.latTop]?.versusRandom)
        let adjusted = try #require(test.adjusted)
        #expect(adjusted.familySize == 2)
        expectClose(adjusted.holm, holmAdjusted([test.pValue, top.pValue])[0], "Holm")
        #expect(adjusted.holm >= test.pValue)
    }

    @Test func sameSeedSameSummaryAndJSONHasNoNaN() throws {
        let a = FaithfulnessSummary.summarise(Self.examples(), bins: FaithfulnessBins(), isRegression: true, seed: 3)
        let b = FaithfulnessSummary.summarise(Self.examples(), bins: FaithfulnessBins(), isRegression: true, seed: 3)
        #expect(a == b)
        #expect(a.outputMeasure == "absolute-value-change")
        let json = String(decoding: try JSONEncoder().encode(a), as: UTF8.self)
        #expect(!json.contains("NaN") && json.contains("\"lat@2\""))
        #expect(try JSONDecoder().decode(FaithfulnessSummary.self, from: Data(json.utf8)) == a)
    }
}
