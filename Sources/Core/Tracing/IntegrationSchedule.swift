// IntegrationSchedule: where on the path from the baseline integrated gradients evaluates the gradient, and with what weights.

import Foundation

/// A quadrature rule for ∫₀¹ g(t) dt on the straight path t · x from the zero baseline.
///
/// - `uniform(steps: m)`: the right Riemann sum of Sundararajan et al. (2017): t_k = k/m,
///   w_k = 1/m, k = 1 … m. First order; it never looks at t < 1/m, so it misses change that
///   happens close to the baseline.
/// - `trapezoid(steps: m)`: t_k = k/m, k = 0 … m, with end weights 1/(2m). Second order.
/// - `quadratic(steps: m)`: the trapezoid rule on the grid t_k = (k/m)², k = 0 … m: spacing
///   ≈ 2k/m², so a quarter of the points lie below t = 0.05 and the first interval is 1/m².
///   Dense near the baseline, where RESEARCH.md measured most of the change (t < 0.05).
/// - `gaussLegendre(points: m)`: the m-point Gauss–Legendre rule mapped to [0, 1] (exact for
///   polynomials of degree 2m − 1; nodes cluster at both ends like 1/m²).
///
/// - `gradedGaussLegendre(points: m, power: p)`: the m-point Gauss–Legendre rule in u on [0, 1] for
///   ∫₀¹ g(t) dt = ∫₀¹ g(uᵖ) · p·uᵖ⁻¹ du, i.e. nodes t = uᵖ with weights p·uᵖ⁻¹·w. Grading pulls the
///   nodes towards the baseline (p = 2 squares every plain Gauss–Legendre node, so half of them lie below
///   t ≈ 0.25 and the first at ≈ 2/m⁴), at the price
///   of exactness: polynomials in t are integrated exactly up to degree (2m − 1 − (p − 1)) / p, not 2m − 1.
///
/// - `adaptiveGaussKronrod(intervals: s)`: 15-point Kronrod rules on s first intervals graded towards the
///   baseline (breaks (j/s)³), bisected where |K15 − G7| is largest until every token's score meets the
///   tolerance (`IntegratedGradients`; `AdaptiveGaussKronrod`). `nodes()` gives the first partition's rule.
///
/// `steps` counts intervals (uniform, trapezoid, quadratic, adaptive) or nodes (the Gauss–Legendre rules). The
/// tests compare the rules on functions that, like this architecture, change mostly near the
/// baseline; Gauss–Legendre had the smallest error on all of them and is `IntegratedGradients`'
/// default, with `uniform` kept for comparison with the usual 50-step right Riemann sum.
public struct IntegrationSchedule: Codable, Equatable, Hashable, Sendable {
    public enum Rule: String, Codable, Sendable, Hashable, CaseIterable {
        case uniform, trapezoid, quadratic, gaussLegendre = "gauss-legendre"
        case gradedGaussLegendre = "graded-gauss-legendre"
        case adaptiveGaussKronrod = "adaptive-gauss-kronrod"
    }

    public var rule: Rule
    public var steps: Int
    /// The grading power p of `gradedGaussLegendre` (nil for the other rules, and absent from their JSON).
    public var power: Int?

    public init(rule: Rule, steps: Int, power: Int? = nil) {
        precondition(steps >= 1, "an integration schedule needs at least 1 step, got \(steps)")
        precondition(rule != .gradedGaussLegendre || (power ?? 2) >= 1, "a grading power must be at least 1")
        self.rule = rule
        self.steps = steps
        self.power = rule == .gradedGaussLegendre ? (power ?? 2) : nil
    }

    public static func uniform(steps: Int = 50) -> Self { .init(rule: .uniform, steps: steps) }
    public static func trapezoid(steps: Int = 50) -> Self { .init(rule: .trapezoid, steps: steps) }
    public static func quadratic(steps: Int = 50) -> Self { .init(rule: .quadratic, steps: steps) }
    public static func gaussLegendre(points: Int = 50) -> Self { .init(rule: .gaussLegendre, steps: points) }
    public static func gradedGaussLegendre(points: Int, power: Int = 2) -> Self {
        .init(rule: .gradedGaussLegendre, steps: points, power: power)
    }

    public static func adaptiveGaussKronrod(intervals: Int = 3) -> Self { .init(rule: .adaptiveGaussKronrod, steps: intervals) }

    /// The adaptive rule's first partition of [0, 1]: breaks (j/s)³, dense near the baseline.
    public var initialBreaks: [Double] { (0...steps).map { pow(Double($0) / Double(steps), 3) } }

    /// The same rule with `steps` doubled (used by adaptive refinement).
    public var refined: Self { .init(rule: rule, steps: steps * 2, power: power) }

    /// Nodes t ∈ [0, 1] and weights (Σ w = 1), in increasing t.
    public func nodes() -> (points: [Double], weights: [Double]) {
        let m = steps
        switch rule {
        case .uniform:
            return ((1...m).map { Double($0) / Double(m) }, [Double](repeating: 1 / Double(m), count: m))
        case .trapezoid:
            return trapezoidWeights((0...m).map { Double($0) / Double(m) })
        case .quadratic:
            return trapezoidWeights((0...m).map { pow(Double($0) / Double(m), 2) })
        case .gaussLegendre:
            return gaussLegendreNodes(m)
        case .adaptiveGaussKronrod:
            let rules = zip(initialBreaks, initialBreaks.dropFirst()).map { GaussKronrod15.rule(from: $0, to: $1) }
            return (rules.flatMap(\.points), rules.flatMap(\.kronrod))
        case .gradedGaussLegendre:
            let p = Double(power ?? 2), (u, w) = gaussLegendreNodes(m)
            return (u.map { pow($0, p) }, zip(u, w).map { p * pow($0, p - 1) * $1 })
        }
    }
}

/// Trapezoid weights on an increasing grid from 0 to 1: w_k = (t_{k+1} − t_{k−1}) / 2 (one-sided at the ends).
private func trapezoidWeights(_ t: [Double]) -> (points: [Double], weights: [Double]) {
    var w = [Double](repeating: 0, count: t.count)
    for k in 0..<(t.count - 1) {
        let half = (t[k + 1] - t[k]) / 2
        w[k] += half
        w[k + 1] += half
    }
    return (t, w)
}

/// The m-point Gauss–Legendre rule on [0, 1]: Newton's method on P_m from the Chebyshev-like
/// guesses cos(π (k − 1/4) / (m + 1/2)), weights 2 / ((1 − x²) P'_m(x)²), then mapped from [−1, 1].
private func gaussLegendreNodes(_ m: Int) -> (points: [Double], weights: [Double]) {
    var points = [Double](), weights = [Double]()
    for k in 1...m {
        var x = cos(Double.pi * (Double(k) - 0.25) / (Double(m) + 0.5))
        var derivative = 0.0
        for _ in 0..<100 {
            var p0 = 1.0, p1 = x
            for j in stride(from: 2, through: m, by: 1) {
                let p2 = ((2 * Double(j) - 1) * x * p1 - (Double(j) - 1) * p0) / Double(j)
                p0 = p1
                p1 = p2
            }
            let pm = m == 1 ? x : p1, pm1 = m == 1 ? 1.0 : p0
            derivative = Double(m) * (x * pm - pm1) / (x * x - 1)
            let dx = pm / derivative
            x -= dx
            if abs(dx) < 1e-15 { break }
        }
        points.append((1 - x) / 2)
        weights.append(1 / ((1 - x * x) * derivative * derivative))
    }
    return (points, weights)
}
