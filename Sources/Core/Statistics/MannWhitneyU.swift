// MannWhitneyU: the Mann–Whitney U (Wilcoxon rank-sum) test, tie-corrected normal approximation.

/// Mann–Whitney U test, two-sided, as scipy's `mannwhitneyu(x, y, method='asymptotic', use_continuity=True)`.
///
/// Rank x ∪ y with average ranks; R₁ = the rank sum of x; U₁ = R₁ − n₁(n₁+1)/2, U₂ = n₁n₂ − U₁, n = n₁ + n₂;
/// ```
/// μ = n₁n₂/2,  σ = √(n₁n₂/12 · [(n + 1) − Σ(t³ − t)/(n(n − 1))]),  z = (max(U₁, U₂) − μ − ½)/σ,  p = min(1, 2 S(z))
/// ```
/// The statistic is U₁ (scipy's); the effect size is the rank-biserial correlation r = 2U₁/(n₁n₂) − 1
/// (Wendt 1972), positive when x tends to exceed y. No interval is computed (nil).
///
/// - Throws: `tooFewObservations` when a sample is empty, `nonFiniteInput`,
///   `constantInput` when every value of x ∪ y is equal (σ = 0).
public func mannWhitneyUTest(_ x: [Double], _ y: [Double]) throws -> TwoSampleResult {
    try Check.samples(x, y, atLeast: 1)
    let (ranks, tieSizes) = averageRanks(x + y)
    let n1 = Double(x.count), n2 = Double(y.count), n = n1 + n2
    let u1 = ranks[..<x.count].reduce(0, +) - n1 * (n1 + 1) / 2
    let u2 = n1 * n2 - u1
    let variance = n1 * n2 / 12 * ((n + 1) - (n > 1 ? tieTerm(tieSizes) / (n * (n - 1)) : 0))
    guard variance > 0 else { throw StatisticsError.constantInput(argument: "x ∪ y (all values equal)") }
    let z = (max(u1, u2) - n1 * n2 / 2 - 0.5) / variance.squareRoot()
    return TwoSampleResult(test: "mann-whitney-u", statistic: u1, pValue: min(1, 2 * Normal.sf(z)), df: nil,
                           effectSize: 2 * u1 / (n1 * n2) - 1, effectSizeName: "rank-biserial", interval: nil,
                           n1: x.count, n2: y.count, mean1: mean(x), mean2: mean(y))
}
