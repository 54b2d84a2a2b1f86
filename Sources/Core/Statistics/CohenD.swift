// CohenD: Cohen's d with the pooled standard deviation, and its seeded two-sample bootstrap interval.

/// Cohen's d = (x̄ − ȳ) / s_p,  s_p = √([(n₁ − 1)s²ₓ + (n₂ − 1)s²ᵧ] / (n₁ + n₂ − 2))  (Cohen 1988, eq. 2.5.2).
///
/// With `bootstrapResamples > 0` the interval resamples x and y independently (percentile or BCa,
/// `bootstrapInterval(sampleSizes: [n₁, n₂])`); resamples with s_p = 0 are skipped.
///
/// - Throws: `tooFewObservations` when a sample has fewer than 2 values, `nonFiniteInput`,
///   `constantInput` when s_p = 0.
public func cohenD(_ x: [Double], _ y: [Double], level: Double = 0.95, bootstrapResamples: Int = 0,
                   bootstrapMethod: BootstrapMethod = .percentile,
                   using generator: inout SplitMix64) throws -> EffectSize {
    try Check.level(level)
    try Check.samples(x, y, atLeast: 2)
    guard let d = cohenCoefficient(x, y) else {
        throw StatisticsError.constantInput(argument: "x and y (pooled standard deviation is 0)")
    }
    var interval: ConfidenceInterval?
    if bootstrapResamples > 0 {
        interval = try bootstrapInterval(sampleSizes: [x.count, y.count], resamples: bootstrapResamples, level: level,
                                         method: bootstrapMethod, using: &generator) { indices in
            cohenCoefficient(indices[0].map { x[$0] }, indices[1].map { y[$0] })
        }.interval
    }
    return EffectSize(name: "cohen-d", estimate: d, interval: interval, n1: x.count, n2: y.count)
}

/// d without checks; nil when the pooled SD is 0 or a sample has fewer than 2 values.
func cohenCoefficient(_ x: [Double], _ y: [Double]) -> Double? {
    guard x.count >= 2, y.count >= 2 else { return nil }
    let n1 = Double(x.count), n2 = Double(y.count)
    let pooled = (((n1 - 1) * sampleVariance(x) + (n2 - 1) * sampleVariance(y)) / (n1 + n2 - 2)).squareRoot()
    guard pooled > 0 else { return nil }
    return (mean(x) - mean(y)) / pooled
}
