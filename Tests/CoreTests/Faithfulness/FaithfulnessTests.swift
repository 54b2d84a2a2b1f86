// Tests for ERASER comprehensiveness and sufficiency, worked out by hand on a tiny fixed scorer.

import Testing
@testable import Core

@Suite struct FaithfulnessTests {
    /// Token values v(1) = .4, v(2) = .2, v(3) = 0, v(4) = −.1; the scorer's p(class 1) = .5 + .5 · Σ v.
    static func value(_ sequence: [Int32]) -> Float {
        sequence.reduce(0) { $0 + [1: 0.4, 2: 0.2, 3: 0.0, 4: -0.1][$1]! }
    }

    static let tokens: [Int32] = [1, 2, 3, 4]

    /// Text [1 2 3 4]: Σ v = .5, p1 = .75, predicted class 1. n = 4, so the bins 1 %, 5 %, 10 %, 20 %
    /// delete or keep k = max(1, ⌊f · 4⌋) = 1 token and the 50 % bin k = 2.
    ///
    /// "lat", scores [.9 .5 .1 .7], ranking 0, 3, 1, 2:
    ///   k = 1 (id 1): deleted [2 3 4] Σ = .1, p1 = .55 → comprehensiveness .75 − .55 = .20;
    ///                 kept [1] Σ = .4, p1 = .70 → sufficiency .05.
    ///   k = 2 (ids 1, 4): deleted [2 3] Σ = .2, p1 = .60 → .15; kept [1 4] (in order) Σ = .3, p1 = .65 → .10.
    ///   AOPC: comprehensiveness (4 · .20 + .15) / 5 = .19; sufficiency (4 · .05 + .10) / 5 = .06.
    /// "random", all scores tied at .5, so ties go to the lower index (ranking 0, 1, 2, 3):
    ///   k = 1: as above, .20 and .05.
    ///   k = 2 (ids 1, 2): deleted [3 4] Σ = −.1, p1 = .45 → .30; kept [1 2] Σ = .6, p1 = .80 → −.05.
    ///   AOPC: (4 · .20 + .30) / 5 = .22; (4 · .05 − .05) / 5 = .03.
    /// Distinct sequences: the full text + 2 per bin size for "lat" + 2 new ones for "random" = 7, in one call.
    @Test func handWorkedClassification() {
        var calls = [[[Int32]]]()
        let model: ClassProbabilityFunction = { sequences in
            calls.append(sequences)
            return sequences.map { let p1 = 0.5 + 0.5 * Self.value($0); return [1 - p1, p1] }
        }
        let report = Faithfulness().evaluate(
            tokenIDs: Self.tokens,
            attributions: [AttributionKey(.lat): [0.9, 0.5, 0.1, 0.7], AttributionKey(.random): [0.5, 0.5, 0.5, 0.5]],
            using: model)
        #expect(calls.count == 1)
        #expect(report.sequencesScored == 7 && calls.first?.count == 7)
        #expect(calls.first?.contains([1, 4]) == true, "sufficiency keeps the original order")
        #expect(report.predictedClass == 1)
        #expect(abs(report.fullOutput - 0.75) < 1e-6)
        let lat = report.results[AttributionKey(.lat)]!
        #expect(lat.tokenCounts == [1, 1, 1, 1, 2])
        expectClose(lat.comprehensiveness.map(Float.init), [0.2, 0.2, 0.2, 0.2, 0.15], "lat comprehensiveness")
        expectClose(lat.sufficiency.map(Float.init), [0.05, 0.05, 0.05, 0.05, 0.1], "lat sufficiency")
        #expect(abs(lat.comprehensivenessAOPC - 0.19) < 1e-6 && abs(lat.sufficiencyAOPC - 0.06) < 1e-6)
        let random = report.results[AttributionKey(.random)]!
        #expect(abs(random.comprehensivenessAOPC - 0.22) < 1e-6 && abs(random.sufficiencyAOPC - 0.03) < 1e-6)
    }

    /// Regression: y = Σ v, full .5; "lat": k = 1 deleted .1 → |.4|, kept .4 → .1; k = 2 deleted .2 → .3,
    /// kept .3 → .2. AOPC (4 · .4 + .3) / 5 = .38 and (4 · .1 + .2) / 5 = .12.
    @Test func handWorkedRegression() {
        let report = Faithfulness().evaluate(tokenIDs: Self.tokens,
                                             attributions: [AttributionKey(.lat): [0.9, 0.5, 0.1, 0.7]],
                                             using: { $0.map(Self.value) })
        let lat = report.results[AttributionKey(.lat)]!
        #expect(report.predictedClass == nil)
        #expect(abs(lat.comprehensivenessAOPC - 0.38) < 1e-6 && abs(lat.sufficiencyAOPC - 0.12) < 1e-6)
    }

    /// One token: every bin keeps it (sufficiency 0) and deletes it (the model sees an empty sequence).
    @Test func singleTokenSendsEmptySequence() {
        var seen = [[Int32]]()
        let report = Faithfulness().evaluate(tokenIDs: [2], attributions: [AttributionKey(.context): [1]],
                                             using: { seen = $0; return $0.map(Self.value) })
        #expect(seen == [[2], []])
        let result = report.results[AttributionKey(.context)]!
        #expect(result.tokenCounts == [1, 1, 1, 1, 1])
        #expect(result.sufficiency == [0, 0, 0, 0, 0])
        expectClose(result.comprehensiveness.map(Float.init), [0.2, 0.2, 0.2, 0.2, 0.2], "comprehensiveness")
    }

    @Test func binSizes() {
        let bins = FaithfulnessBins()
        #expect(bins.tokenCounts(tokens: 1) == [1, 1, 1, 1, 1])
        #expect(bins.tokenCounts(tokens: 19) == [1, 1, 1, 3, 9])
        #expect(bins.tokenCounts(tokens: 200) == [2, 10, 20, 40, 100])
    }
}
