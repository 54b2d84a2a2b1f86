// Tests for integrated gradients: exactness on linear functions, completeness error shrinking with steps, refinement.

import Foundation
import Testing
@testable import Core

@Suite struct IntegratedGradientsTests {
    static let tokens = 4, dimension = 3

    /// A point e (n × D) with entries of magnitude 0.3 … 1.3, seeded.
    static let point: [Float] = {
        var g = SplitMix64(seed: 3)
        return (0..<(tokens * dimension)).map { _ in (0.3 + g.nextUnitFloat()) * (g.next() & 1 == 0 ? 1 : -1) }
    }()

    /// F(e) = Σ_k tanh(c_k e_k) with c_k = 20 · sign(e_k) · u_k, u_k ∈ [0.5, 1.5): saturates by t ≈ 0.1
    /// on the path t · e, so most of the change happens near the baseline. Exact IG_k = tanh(c_k e_k).
    static func saturating() -> GradientFunction {
        var g = SplitMix64(seed: 4)
        let c = point.map { 20 * ($0 < 0 ? -1 : 1) * (0.5 + g.nextUnitFloat()) }
        let size = point.count
        return { e in
            let points = e.count / size
            var outputs = [Float](repeating: 0, count: points), gradients = [Float](repeating: 0, count: e.count)
            for s in 0..<points {
                for k in 0..<size {
                    let x = Double(c[k] * e[s * size + k])
                    outputs[s] += Float(tanh(x))
                    gradients[s * size + k] = Float(Double(c[k]) / (cosh(x) * cosh(x)))
                }
            }
            return (outputs, gradients)
        }
    }

    /// F(e) = (w · e) / sqrt(ε + mean(e²)), ε = 1e-4: scale-invariant like layer norm except near
    /// the zero baseline (the change happens at t ≲ 0.02), and not separable across tokens.
    /// ∂F/∂e_k = w_k / r − (w · e) e_k / (N r³), r = sqrt(ε + mean(e²)).
    static func normalised() -> GradientFunction {
        var g = SplitMix64(seed: 5)
        let w = point.map { _ in Double(g.nextNormal()) }
        let size = point.count, epsilon = 1e-4
        return { e in
            let points = e.count / size
            var outputs = [Float](repeating: 0, count: points), gradients = [Float](repeating: 0, count: e.count)
            for s in 0..<points {
                let x = (0..<size).map { Double(e[s * size + $0]) }
                let dot = zip(w, x).reduce(0) { $0 + $1.0 * $1.1 }
                let r = (epsilon + x.reduce(0) { $0 + $1 * $1 } / Double(size)).squareRoot()
                outputs[s] = Float(dot / r)
                for k in 0..<size {
                    gradients[s * size + k] = Float(w[k] / r - dot * x[k] / (Double(size) * r * r * r))
                }
            }
            return (outputs, gradients)
        }
    }

    /// F(e) = Σ_j v_j · relu(b_j + (W e)_j / r), r = sqrt(ε + mean(e²)): a normalised ReLU layer
    /// whose units switch on or off along the path (kinks, so the integrand jumps), mostly at small t.
    /// ∂F/∂e_k = Σ_j v_j · 1[z_j > 0] · (W_jk / r − (W e)_j e_k / (N r³)).
    static func rectified(units: Int = 16) -> GradientFunction {
        var g = SplitMix64(seed: 6)
        let size = point.count, epsilon = 1e-4
        let w = (0..<(units * size)).map { _ in Double(g.nextNormal()) / Double(size).squareRoot() }
        let b = (0..<units).map { _ in Double(g.nextNormal()) }
        let v = (0..<units).map { _ in Double(g.nextNormal()) }
        return { e in
            let points = e.count / size
            var outputs = [Float](repeating: 0, count: points), gradients = [Float](repeating: 0, count: e.count)
            for s in 0..<points {
                let x = (0..<size).map { Double(e[s * size + $0]) }
                let r = (epsilon + x.reduce(0) { $0 + $1 * $1 } / Double(size)).squareRoot()
                var y = 0.0
                var grad = [Double](repeating: 0, count: size)
                for j in 0..<units {
                    let u = (0..<size).reduce(0.0) { $0 + w[j * size + $1] * x[$1] }
                    let z = b[j] + u / r
                    guard z > 0 else { continue }
                    y += v[j] * z
                    for k in 0..<size {
                        grad[k] += v[j] * (w[j * size + k] / r - u * x[k] / (Double(size) * r * r * r))
                    }
                }
                outputs[s] = Float(y)
                for k in 0..<size { gradients[s * size + k] = Float(grad[k]) }
            }
            return (outputs, gradients)
        }
    }

    static func relativeError(_ schedule: IntegrationSchedule, _ function: GradientFunction) -> Double {
        IntegratedGradients(schedule: schedule)
            .attribute(embeddings: point, tokens: tokens, dimension: dimension, using: function).error.relative!
    }

    @Test func exactOnLinearFunctions() {
        let w: [Float] = (0..<12).map { Float($0) / 4 - 1 }
        let linear = GradientSensitivityTests.linear(w, bias: 2)
        for schedule in [IntegrationSchedule.uniform(steps: 3), .trapezoid(steps: 2), .quadratic(steps: 5),
                         .gaussLegendre(points: 1)] {
            let (attribution, error) = IntegratedGradients(schedule: schedule)
                .attribute(embeddings: Self.point, tokens: Self.tokens, dimension: Self.dimension, using: linear)
            let expected = GradientTimesInput().attribute(embeddings: Self.point, gradients: w,
                                                          tokens: Self.tokens, dimension: Self.dimension)
            expectClose(attribution.scores, expected.scores.map(Double.init), tolerance: 1e-5, "\(schedule)")
            #expect(error.absolute < 1e-5, "\(schedule): \(error)")
        }
    }

    /// The separable function's IG is known exactly: attr_i = Σ_d tanh(c e).
    @Test func convergesToTheExactAttribution() {
        let (attribution, _) = IntegratedGradients(schedule: .quadratic(steps: 400))
            .attribute(embeddings: Self.point, tokens: Self.tokens, dimension: Self.dimension, using: Self.saturating())
        var g = SplitMix64(seed: 4)
        let c = Self.point.map { 20 * ($0 < 0 ? -1 : 1) * (0.5 + g.nextUnitFloat()) }
        let exact = (0..<Self.tokens).map { i in
            (0..<Self.dimension).reduce(0.0) { $0 + tanh(Double(c[i * Self.dimension + $1] * Self.point[i * Self.dimension + $1])) }
        }
        expectClose(attribution.scores, exact, tolerance: 1e-3, "IG")
    }

    /// Completeness error shrinks as the steps double, for every rule, on both test functions
    /// (until it reaches Float rounding, ~1e-5).
    @Test(arguments: IntegrationSchedule.Rule.allCases)
    func errorShrinksWithSteps(rule: IntegrationSchedule.Rule) {
        for (name, function) in [("saturating", Self.saturating()), ("normalised", Self.normalised())] {
            let errors = [8, 16, 32, 64, 128].map { Self.relativeError(.init(rule: rule, steps: $0), function) }
            for k in 1..<errors.count {
                #expect(errors[k] < errors[k - 1] || errors[k] < 1e-5, "\(rule) \(name): errors \(errors)")
            }
        }
    }

    /// Every rule at the same budget (50 steps) on three functions that change mostly near the
    /// baseline: two smooth, one with kinks. Prints the table that chose the default.
    @Test func scheduleComparisonAtFiftySteps() {
        for (name, function) in [("saturating", Self.saturating()), ("normalised", Self.normalised()),
                                 ("rectified", Self.rectified())] {
            let uniform = Self.relativeError(.uniform(steps: 50), function)
            let trapezoid = Self.relativeError(.trapezoid(steps: 50), function)
            let quadratic = Self.relativeError(.quadratic(steps: 50), function)
            let gauss = Self.relativeError(.gaussLegendre(points: 50), function)
            print("IG relative completeness error, \(name), 50 steps: uniform \(uniform), trapezoid \(trapezoid), "
                  + "quadratic \(quadratic), Gauss–Legendre \(gauss)")
            // Measured (relative error): saturating 0.17 / 2e-7 / 2.3e-3 / 8e-8; normalised 0.69 / 0.11 /
            // 1.1e-2 / 3.9e-6; rectified 0.64 / 0.18 / 1.9e-2 / 1.9e-2 (uniform / trapezoid / quadratic / G–L).
            // Gauss–Legendre is never worse than the others (within 5 %), hence the default.
            for other in [uniform, trapezoid, quadratic] {
                #expect(gauss <= max(other * 1.05, 1e-6), "\(name): Gauss–Legendre \(gauss) vs \(other)")
            }
            #expect(gauss < uniform / 10 && gauss < 0.02, "\(name): Gauss–Legendre \(gauss), uniform \(uniform)")
        }
        #expect(IntegratedGradients().schedule == .gaussLegendre(points: 50))
    }

    /// Refinement doubles the steps until the error is under the tolerance; one model call per round.
    @Test func adaptiveRefinementReachesTolerance() {
        var calls = 0
        let function = Self.saturating()
        let counted: GradientFunction = { calls += 1; return function($0) }
        let method = IntegratedGradients(schedule: .uniform(steps: 8), relativeTolerance: 1e-2, maximumSteps: 4096)
        let (_, error) = method.attribute(embeddings: Self.point, tokens: Self.tokens, dimension: Self.dimension,
                                          using: counted)
        #expect((error.relative ?? 1) <= 1e-2, "\(error)")
        #expect(error.schedule.steps > 8)
        // Each round of m uniform steps evaluates m + 1 points (t = 0 is added for F(0)).
        var expectedEvaluations = 0, steps = 8
        for _ in 0..<calls { expectedEvaluations += steps + 1; steps *= 2 }
        #expect(error.evaluations == expectedEvaluations)
        #expect(calls == Int(log2(Double(error.schedule.steps / 8))) + 1)
    }

    @Test func scheduleWeightsSumToOne() {
        for rule in IntegrationSchedule.Rule.allCases {
            for steps in [1, 2, 7, 50] {
                let (points, weights) = IntegrationSchedule(rule: rule, steps: steps).nodes()
                #expect(abs(weights.reduce(0, +) - 1) < 1e-12, "\(rule) \(steps)")
                #expect(points.allSatisfy { $0 >= 0 && $0 <= 1 } && points == points.sorted(), "\(rule) \(steps)")
            }
        }
        // Gauss–Legendre with 3 points integrates t⁵ exactly: ∫₀¹ t⁵ dt = 1/6.
        let (t, w) = IntegrationSchedule.gaussLegendre(points: 3).nodes()
        #expect(abs(zip(t, w).reduce(0) { $0 + $1.1 * pow($1.0, 5) } - 1.0 / 6) < 1e-14)
    }
}
