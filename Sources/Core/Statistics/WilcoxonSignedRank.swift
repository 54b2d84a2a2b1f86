// WilcoxonSignedRank: the two-sided Wilcoxon signed-rank test of paired samples (normal approximation, scipy's asymptotic method).
import Foundation

/// Wilcoxon signed-rank test on the differences dᵢ = xᵢ − yᵢ, two-sided, normal approximation
/// (scipy `wilcoxon(x, y, zero_method='wilcox', correction=…, method='asymptotic')`).
///
/// Zero differences are dropped (Wilcoxon's method); |dᵢ| are ranked with average ranks; W⁺, W⁻ are the rank sums
/// of positive and negative differences; with m non-zero differences
/// ```
/// μ = m(m+1)/4,  σ² = [m(m+1)(2m+1) − ½Σ(t³ − t)] / 24,  z = (W⁺ − μ − c)/σ,  p = 2 S(|z|)
/// ```
/// where c = ½ sign(W⁺ − μ) with `continuityCorrection`, else 0. The statistic is min(W⁺, W⁻) as scipy reports;
/// the effect size is the matched-pairs rank-biserial correlation (W⁺ − W⁻)/(W⁺ + W⁻) (Kerby 2014).
/// `mean1`, `mean2` are the means of x and y over all pairs.
///
/// - Throws: `lengthMismatch`, `nonFiniteInput`, `tooFewObservations` (fewer than 2 pairs, or fewer than 1
///   non-zero difference), `constantInput` when every difference is zero.
public func wilcoxonSignedRank(_ x: [Double], _ y: [Double], continuityCorrection: Bool = false) throws -> TwoSampleResult {
    try Check.sameLength(x, y)
    try Check.samples(x, y, atLeast: 2)
    let differences = zip(x, y).map { $0 - $1 }.filter { $0 != 0 }
    if differences.isEmpty { throw StatisticsError.constantInput(argument: "x − y (every difference is zero)") }
    let (ranks, tieSizes) = averageRanks(differences.map(abs))
    var plus = 0.0, minus = 0.0
    for (d, r) in zip(differences, ranks) { if d > 0 { plus += r } else { minus += r } }
    let m = Double(differences.count)
    let mu = m * (m + 1) / 4
    let sigma = ((m * (m + 1) * (2 * m + 1) - tieTerm(tieSizes) / 2) / 24).squareRoot()
    let correction = continuityCorrection ? 0.5 * (plus - mu).signOf : 0
    let z = (plus - mu - correction) / sigma
    return TwoSampleResult(test: "wilcoxon-signed-rank", statistic: min(plus, minus),
                           pValue: min(1, 2 * Normal.sf(abs(z))), df: nil,
                           effectSize: (plus - minus) / (plus + minus),
                           effectSizeName: "matched-pairs-rank-biserial", interval: nil,
                           n1: x.count, n2: y.count, mean1: mean(x), mean2: mean(y))
}

extension Double {
    /// −1, 0 or 1.
    var signOf: Double { self > 0 ? 1 : (self < 0 ? -1 : 0) }
}
