// SpecialFunctions: the regularised incomplete beta function, from which the t and F distributions are built.
//
// Goals, in order: correct to ~1e-12 relative in both tails, then simple. No dependency provides these.
import Foundation

/// log B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0.
func logBeta(_ a: Double, _ b: Double) -> Double {
    lgamma(a) + lgamma(b) - lgamma(a + b)
}

/// The regularised incomplete beta function and its complement,
///
/// ```
/// I_x(a, b) = B(x; a, b) / B(a, b) = ∫₀ˣ t^(a−1) (1 − t)^(b−1) dt / B(a, b),     complement = 1 − I_x(a, b),
/// ```
///
/// evaluated by the continued fraction of Numerical Recipes §6.4 (modified Lentz), on the side of the
/// symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where it converges fast: x < (a + 1)/(a + b + 2).
/// The side evaluated directly keeps its *relative* accuracy even when tiny, so pass `y = 1 − x`
/// computed without cancellation when you have it (the t distribution does: y = t²/(ν + t²)),
/// and read the tail you need from the pair.
///
/// - Precondition: a > 0, b > 0, 0 ≤ x ≤ 1, and x + y = 1 up to rounding.
func regularizedIncompleteBeta(a: Double, b: Double, x: Double, y: Double) -> (lower: Double, upper: Double) {
    precondition(a > 0 && b > 0 && x >= 0 && x <= 1 && y >= 0 && y <= 1,
                 "incomplete beta outside its domain: a=\(a) b=\(b) x=\(x) y=\(y)")
    if x == 0 { return (0, 1) }
    if y == 0 { return (1, 0) }
    let logFront = a * log(x) + b * log(y) - logBeta(a, b)
    if x < (a + 1) / (a + b + 2) {
        let lower = exp(logFront) * betaContinuedFraction(a: a, b: b, x: x) / a
        return (lower, 1 - lower)
    } else {
        let upper = exp(logFront) * betaContinuedFraction(a: b, b: a, x: y) / b
        return (1 - upper, upper)
    }
}

/// The continued fraction for I_x(a, b) (Numerical Recipes `betacf`), by the modified Lentz method.
private func betaContinuedFraction(a: Double, b: Double, x: Double) -> Double {
    let tiny = 1e-300, epsilon = 1e-16
    let qab = a + b, qap = a + 1, qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...20_000 {
        let m = Double(m), m2 = 2 * m
        // Even step.
        var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        if abs(d) < tiny { d = tiny }
        c = 1 + aa / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        h *= d * c
        // Odd step.
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        if abs(d) < tiny { d = tiny }
        c = 1 + aa / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if abs(delta - 1) < epsilon { break }
    }
    return h
}

/// Finds x in [low, high] with `decreasing(x) = target` for a decreasing function, by bisection to full precision.
func bisectDecreasing(_ target: Double, low: Double, high: Double, _ decreasing: (Double) -> Double) -> Double {
    var low = low, high = high
    for _ in 0..<2_000 {
        let middle = 0.5 * (low + high)
        if middle <= low || middle >= high { break }
        if decreasing(middle) > target { low = middle } else { high = middle }
    }
    return 0.5 * (low + high)
}
