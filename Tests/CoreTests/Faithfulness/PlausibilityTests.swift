// Tests for plausibility: AUPRC, token F1 and IOU, Spearman, by hand and against scikit-learn / scipy.

import Testing
@testable import Core

@Suite struct PlausibilityTests {
    /// Scores [.9 .1 .8 .3], rationale [1 0 .5 0] (2 rationale tokens).
    /// AUPRC: ranking 0 (pos), 2 (pos), … → precision 1 at recall .5 and 1 → AP = .5 · 1 + .5 · 1 = 1.
    /// Top-2 = {0, 2} = gold → F1 = 1, IOU = 1. Spearman: ranks of scores [4 1 3 2], of r [4 1.5 3 1.5] → ρ = .9487 (scipy).
    @Test func handWorkedPerfectMatch() {
        let result = PlausibilityResult(scores: [0.9, 0.1, 0.8, 0.3], rationale: [1, 0, 0.5, 0])
        #expect(result.auprc == 1 && result.f1 == 1 && result.iou == 1 && result.rationaleTokens == 2)
        #expect(abs(result.spearman! - 0.9486832980505138) < 1e-12)
    }

    /// Scores [.9 .8 .1 .2 .3], rationale [0 1 0 0 .5]: ranking 0 (neg), 1 (pos), 4 (pos), …
    /// AP = .5 · (1/2) + .5 · (2/3) = .58333. Top-2 = {0, 1}, gold = {1, 4}: 1 hit →
    /// F1 = 2 · 1 / (2 + 2) = .5, IOU = 1 / 3.
    @Test func handWorkedPartialMatch() {
        let result = PlausibilityResult(scores: [0.9, 0.8, 0.1, 0.2, 0.3], rationale: [0, 1, 0, 0, 0.5])
        #expect(abs(result.auprc! - 7.0 / 12) < 1e-12)
        #expect(result.f1 == 0.5 && abs(result.iou! - 1.0 / 3) < 1e-12)
    }

    /// An all-neutral sentence: no positive → AUPRC, F1, IOU undefined; a constant r → no Spearman.
    /// Encoded JSON has no NaN (the keys are simply absent).
    @Test func allNeutralIsUndefinedNotNaN() throws {
        let result = PlausibilityResult(scores: [0.3, 0.2, 0.1], rationale: [0, 0, 0])
        #expect(result.auprc == nil && result.f1 == nil && result.iou == nil && result.spearman == nil)
        #expect(result.rationaleTokens == 0)
        #expect(spearmanCorrelation([1, 1, 1], [1, 2, 3]) == nil)
        #expect(averagePrecision(scores: [1, 2], relevant: [false, false]) == nil)
    }

    struct Case: Sendable {
        var scores: [Float], rationale: [Double], auprc: Double, spearman: Double
    }

    /// Expected values from scikit-learn 1.x `average_precision_score(r > 0, s)` and scipy
    /// `spearmanr(s, r)`, computed at development time with (scores rounded to one decimal, so ties occur):
    ///
    ///     import numpy as np
    ///     from sklearn.metrics import average_precision_score
    ///     from scipy.stats import spearmanr
    ///     rng = np.random.default_rng(10)
    ///     for n in [4, 7, 12, 20]:
    ///         s = np.round(rng.random(n), 1)
    ///         r = rng.choice([0, 0.5, 1], size=n, p=[0.5, 0.3, 0.2])
    ///         if (r > 0).sum() == 0: r[0] = 1
    ///         print(s, r, average_precision_score(r > 0, s), spearmanr(s, r).statistic)
    static let referenceCases: [Case] = [
        Case(scores: [1.0, 0.2, 0.8, 0.1], rationale: [0.5, 0.0, 0.5, 1.0], auprc: 0.9166666666666665, spearman: -0.316227766016838),
        Case(scores: [0.4, 1.0, 0.8, 0.3, 0.6, 0.8, 0.8], rationale: [1.0, 0.0, 0.5, 0.0, 1.0, 0.0, 1.0], auprc: 0.5666666666666667, spearman: -0.2401922307076307),
        Case(scores: [0.3, 1.0, 0.5, 0.3, 0.3, 0.6, 0.3, 0.7, 0.2, 0.2, 0.9, 0.6], rationale: [0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 1.0, 0.5, 0.0, 0.0, 0.0, 0.0], auprc: 0.34444444444444444, spearman: 0.15285023383571233),
        Case(scores: [0.6, 0.4, 0.6, 0.1, 0.2, 0.8, 1.0, 0.8, 0.8, 0.8, 0.5, 0.7, 0.6, 0.5, 0.3, 0.9, 0.1, 0.8, 0.9, 0.4], rationale: [1.0, 0.0, 0.5, 0.5, 0.0, 0.0, 0.0, 0.0, 0.5, 0.5, 0.5, 0.0, 0.5, 0.0, 0.0, 0.0, 0.5, 0.0, 0.5, 0.0], auprc: 0.4425925925925926, spearman: -0.09430773737989986),
    ]

    @Test(arguments: referenceCases)
    func matchesScikitLearnAndScipy(_ reference: Case) {
        let result = PlausibilityResult(scores: reference.scores, rationale: reference.rationale)
        #expect(abs(result.auprc! - reference.auprc) < 1e-9, "AUPRC \(result.auprc!) vs \(reference.auprc)")
        #expect(abs(result.spearman! - reference.spearman) < 1e-9, "ρ \(result.spearman!) vs \(reference.spearman)")
    }
}
