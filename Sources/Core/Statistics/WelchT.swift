// WelchT: Welch's unequal-variance t test for two independent samples, with the t interval of the mean difference.

/// Welch's t test (Welch 1947), two-sided, as scipy's `ttest_ind(x, y, equal_var=False)`:
/// ```
/// t = (x̄ − ȳ) / √(s²ₓ/n₁ + s²ᵧ/n₂),   ν = (s²ₓ/n₁ + s²ᵧ/n₂)² / [(s²ₓ/n₁)²/(n₁−1) + (s²ᵧ/n₂)²/(n₂−1)]
/// ```
/// (Welch–Satterthwaite df). The effect size is the mean difference x̄ − ȳ with its interval
/// (x̄ − ȳ) ± t_{ν,(1+level)/2} · SE ("welch-t"), which is scipy's `TtestResult.confidence_interval(level)`.
///
/// - Throws: `tooFewObservations` when a sample has fewer than 2 values, `nonFiniteInput`,
///   `constantInput` when both samples have zero variance (the standard error is 0).
public func welchTTest(_ x: [Double], _ y: [Double], level: Double = 0.95) throws -> TwoSampleResult {
    try Check.level(level)
    try Check.samples(x, y, atLeast: 2)
    let n1 = Double(x.count), n2 = Double(y.count)
    let a = sampleVariance(x) / n1, b = sampleVariance(y) / n2
    guard a + b > 0 else { throw StatisticsError.constantInput(argument: "x and y (both have zero variance)") }
    let difference = mean(x) - mean(y), standardError = (a + b).squareRoot()
    let t = difference / standardError
    let df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1))
    let halfWidth = StudentT.quantile((1 + level) / 2, df: df) * standardError
    return TwoSampleResult(test: "welch-t", statistic: t, pValue: StudentT.twoSidedPValue(t, df: df), df: df,
                           effectSize: difference, effectSizeName: "mean-difference",
                           interval: ConfidenceInterval(lower: difference - halfWidth, upper: difference + halfWidth,
                                                        level: level, method: "welch-t"),
                           n1: x.count, n2: y.count, mean1: mean(x), mean2: mean(y))
}
