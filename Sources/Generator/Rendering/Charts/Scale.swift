// Scale: linear maps from data to SVG coordinates, and "nice" axis ticks.
import Foundation

/// Maps `domain` linearly onto `range` (range may run backwards, as a y axis does).
struct LinearScale: Sendable {
    var domain: ClosedRange<Double>
    var range: (Double, Double)

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let t = span > 0 ? (value - domain.lowerBound) / span : 0.5
        return range.0 + t * (range.1 - range.0)
    }
}

/// Nice tick values (Heckbert, "Nice numbers for graph labels", Graphics Gems 1990):
/// step = nice(span / (count − 1)) with nice(x) ∈ {1, 2, 5, 10} × 10^k; ticks are the multiples of step
/// covering [lower, upper]. Returns the ticks and the widened domain [first, last].
func niceTicks(lower: Double, upper: Double, count: Int = 5) -> (ticks: [Double], domain: ClosedRange<Double>) {
    var lower = lower, upper = upper
    if !lower.isFinite || !upper.isFinite { lower = 0; upper = 1 }
    if upper < lower { swap(&lower, &upper) }
    if upper == lower {
        let pad = lower == 0 ? 1 : abs(lower) * 0.1
        lower -= pad
        upper += pad
    }
    let step = niceNumber((upper - lower) / Double(max(1, count - 1)), round: true)
    let first = (lower / step).rounded(.down) * step
    let last = (upper / step).rounded(.up) * step
    var ticks: [Double] = []
    var index = 0.0
    while first + index * step <= last + step * 1e-9 {
        let tick = first + index * step
        ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
        index += 1
    }
    return (ticks, first...last)
}

private func niceNumber(_ x: Double, round: Bool) -> Double {
    let exponent = (log10(x)).rounded(.down)
    let fraction = x / pow(10, exponent)
    let nice: Double
    if round {
        nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
    } else {
        nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
    }
    return nice * pow(10, exponent)
}

/// A tick label with as many decimals as the step needs (0.05 → 2, 10 → 0).
func tickLabel(_ value: Double, step: Double) -> String {
    let digits = step >= 1 ? 0 : Int((-log10(step)).rounded(.up))
    return Formatting.fixed(value, digits: min(6, digits))
}
