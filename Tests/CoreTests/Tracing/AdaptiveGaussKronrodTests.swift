// AdaptiveGaussKronrodTests: the G7/K15 constants by exactness, the adaptive bisection on kinked and steep
// integrands with known integrals, the evaluation budget, and adaptive integrated gradients against a converged rule.
import Foundation
import Testing
@testable import Core

@Suite struct AdaptiveGaussKronrodTests {
    /// A wrong digit in a node or weight breaks exactness at ~1e-3, far above the 1e-13 asked here: K15 (15 nodes)
    /// integrates ∫₀¹ t^k dt = 1/(k+1) exactly up to degree 22, G7 (its 7 Gauss nodes) up to degree 13.
    @Test func kronrodAndGaussAreExactOnPolynomials() {
        let rule = GaussKronrod15.rule(from: 0, to: 1)
        let sorted: Bool = rule.points == rule.points.sorted()
        let count: Int = rule.points.count
        #expect(sorted)
        #expect(count == 15)
        let kronrodSum: Double = rule.kronrod.reduce(0, +)
        let gaussSum: Double = rule.gauss.reduce(0, +)
        #expect(abs(kronrodSum - 1) < 1e-15)
        #expect(abs(gaussSum - 1) < 1e-15)
        for k in 0...22 {
            let error: Double = abs(Self.moment(rule.points, rule.kronrod, degree: k) - 1 / Double(k + 1))
            #expect(error < 1e-13, "K15, degree \(k)")
        }
        for k in 0...13 {
            let error: Double = abs(Self.moment(rule.points, rule.gauss, degree: k) - 1 / Double(k + 1))
            #expect(error < 1e-13, "G7, degree \(k)")
        }
        // Degree 14 is beyond G7: the difference |K15 − G7| is what estimates the error.
        let g14Error: Double = abs(Self.moment(rule.points, rule.gauss, degree: 14) - 1.0 / 15)
        #expect(g14Error > 1e-12)
    }

    /// Σ wᵢ tᵢᵏ: the rule's value for ∫ t^k dt.
    static func moment(_ points: [Double], _ weights: [Double], degree: Int) -> Double {
        var sum = 0.0
        for (t, w) in zip(points, weights) { sum += w * pow(t, Double(degree)) }
        return sum
    }

    /// Three components with known integrals over [0, 1]:
    ///   |t − 1/3|      → (1/3)²/2 + (2/3)²/2 = 1/18 + 4/18 = 5/18 (a kink inside an interval);
    ///   √t             → 2/3 (infinite slope at the baseline);
    ///   50·e^(−50 t)   → 1 − e^(−50) (all the mass below t ≈ 0.1, like this project's models).
    @Test func bisectsUntilEveryComponentMeetsTheTolerance() {
        let exact = [5.0 / 18, 2.0 / 3, 1 - exp(-50.0)]
        var calls = 0
        let integrator = AdaptiveGaussKronrod(tolerance: 1e-7, maximumEvaluations: 10_000)
        let (result, extra) = integrator.integrate(breaks: [0, 0.5, 1], extraPoints: [0, 1], components: 3) { points in
            calls += 1
            return points.map { t in [abs(t - 1.0 / 3), t.squareRoot(), 50 * exp(-50 * t)] }
        }
        let expectedExtra: [[Double]] = [[1.0 / 3, 0, 50], [1 - 1.0 / 3, 1, 50 * exp(-50.0)]]  // |1 − 1/3| as the integrand computes it
        #expect(extra == expectedExtra)
        #expect(result.relativeErrorEstimate <= 1e-7)
        for (value, truth) in zip(result.integral, exact) { #expect(abs(value - truth) <= 1e-7, "\(value) vs \(truth)") }
        // The 2 extra points, 15 nodes for each of the 2 first intervals, then 30 for every split, which adds one
        // interval: 2 + 30 + 30 · (intervals − 2) = 2 + 30 · intervals − 30; every round is one call.
        let evaluations = 2 + 30 * result.intervals - 30
        #expect(result.evaluations == evaluations)
        #expect(calls >= 2 && result.intervals > 2)
    }

    @Test func stopsWithinTheBudgetAndSaysHowFarItGot() {
        let integrator = AdaptiveGaussKronrod(tolerance: 1e-12, maximumEvaluations: 100)
        let (result, _) = integrator.integrate(breaks: [0, 1], components: 1) { points in points.map { [abs($0 - 0.3)] } }
        #expect(result.evaluations <= 100)
        #expect(result.relativeErrorEstimate > 1e-12)
        #expect(abs(result.integral[0] - (0.3 * 0.3 + 0.7 * 0.7) / 2) < 1e-2)
    }

    /// On the kinked, baseline-heavy test function of `IntegratedGradientsTests`, the adaptive rule lands within its
    /// per-token tolerance of a 4,096-node Gauss–Legendre integral (itself converged far below that).
    @Test func adaptiveIntegratedGradientsMeetTheirPerTokenTolerance() {
        let point = IntegratedGradientsTests.point, n = IntegratedGradientsTests.tokens, d = IntegratedGradientsTests.dimension
        for function in [IntegratedGradientsTests.rectified(), IntegratedGradientsTests.saturating()] {
            let reference = IntegratedGradients(schedule: .gaussLegendre(points: 4096))
                .attribute(embeddings: point, tokens: n, dimension: d, using: function).attribution.scores
            let (adaptive, error) = IntegratedGradients(schedule: .adaptiveGaussKronrod(intervals: 3), relativeTolerance: 0.005,
                                                        maximumSteps: 2000)
                .attribute(embeddings: point, tokens: n, dimension: d, using: function)
            let scale = reference.map { abs(Double($0)) }.max()!
            let worst = zip(adaptive.scores, reference).map { abs(Double($0) - Double($1)) }.max()!
            #expect(worst <= 0.005 * scale, "worst token error \(worst / scale) of max |score|")
            let isAdaptive: Bool = error.schedule.rule == .adaptiveGaussKronrod
            let evaluations: Int = error.evaluations
            let relative: Double = error.relative ?? 1
            #expect(isAdaptive)
            #expect(evaluations < 2000)
            #expect(relative < 0.01)
        }
    }
}
