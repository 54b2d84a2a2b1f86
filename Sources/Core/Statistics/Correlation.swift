// Correlation: Pearson's r and Spearman's ρ, with t-approximation p-values, Fisher z and bootstrap intervals.
import Foundation

/// Pearson's product-moment correlation r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²).
///
/// - p-value: t = r √((n − 2)/(1 − r²)) with n − 2 df, two-sided (equal to scipy's exact beta p-value);
///   |r| = 1 gives p = 0.
/// - interval: Fisher z, tanh(atanh r ± z_{(1+level)/2} / √(n − 3)) (scipy `pearsonr(...).confidence_interval()`);
///   nil when n < 4 or |r| = 1.
/// - Throws: `tooFewObservations` when n < 3, `constantInput` when x or y is constant, `nonFiniteInput`, `lengthMismatch`.
public func pearsonCorrelation(_ x: [Double], _ y: [Double], level: Double = 0.95) throws -> CorrelationResult {
    try validateCorrelationInput(x, y, level: level)
    let r = pearsonCoefficient(x, y)
    return CorrelationResult(method: "pearson", estimate: r, interval: fisherInterval(r, n: x.count, level: level),
                             pValue: correlationPValue(r, n: x.count), n: x.count)
}

/// Spearman's rank correlation ρ: Pearson's r of the average ranks (ties share their mean rank).
///
/// - p-value: as scipy's `spearmanr`, t = ρ √((n − 2)/(1 − ρ²)) with n − 2 df, two-sided.
/// - `interval`: a seeded bootstrap over (x, y) pairs (`bootstrapResamples` resamples, percentile or BCa) when
///   `bootstrapResamples > 0`; resamples in which a variable is constant are skipped (the count used is in the
///   bootstrap result, and nil is returned if fewer than half survive).
/// - `alternativeInterval`: Fisher z on ρ with standard error 1/√(n − 3) (nil when n < 4 or |ρ| = 1).
/// - Throws: as `pearsonCorrelation`.
public func spearmanCorrelation(_ x: [Double], _ y: [Double], level: Double = 0.95, bootstrapResamples: Int = 0,
                                bootstrapMethod: BootstrapMethod = .percentile,
                                using generator: inout SplitMix64) throws -> CorrelationResult {
    try validateCorrelationInput(x, y, level: level)
    let rho = spearmanCoefficient(x, y)
    var interval: ConfidenceInterval?
    if bootstrapResamples > 0 {
        // Rank each resample by counting over keys fixed once (the resample's order is the original order).
        let xKeys = denseRankKeys(x), yKeys = denseRankKeys(y)
        interval = try bootstrapInterval(sampleSize: x.count, resamples: bootstrapResamples, level: level,
                                         method: bootstrapMethod, using: &generator) { indices in
            let xs = averageRanks(keys: xKeys.keys, distinct: xKeys.distinct, indices: indices)
            let ys = averageRanks(keys: yKeys.keys, distinct: yKeys.distinct, indices: indices)
            guard isNotConstant(xs), isNotConstant(ys) else { return nil }
            return pearsonCoefficient(xs, ys)
        }.interval
    }
    return CorrelationResult(method: "spearman", estimate: rho, interval: interval,
                             alternativeInterval: fisherInterval(rho, n: x.count, level: level),
                             pValue: correlationPValue(rho, n: x.count), n: x.count)
}

/// Spearman's ρ without checks or inference. Precondition: equal lengths ≥ 2, neither input constant.
func spearmanCoefficient(_ x: [Double], _ y: [Double]) -> Double {
    pearsonCoefficient(averageRanks(x).ranks, averageRanks(y).ranks)
}

/// Pearson's r without checks, clamped to [−1, 1] against rounding.
func pearsonCoefficient(_ x: [Double], _ y: [Double]) -> Double {
    let mx = mean(x), my = mean(y)
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for i in x.indices {
        let dx = x[i] - mx, dy = y[i] - my
        sxy += dx * dy
        sxx += dx * dx
        syy += dy * dy
    }
    return max(-1, min(1, sxy / (sxx * syy).squareRoot()))
}

private func validateCorrelationInput(_ x: [Double], _ y: [Double], level: Double) throws {
    try Check.level(level)
    try Check.rankablePairs(x, y, atLeast: 3)
}

func isNotConstant(_ values: [Double]) -> Bool {
    guard let first = values.first else { return false }
    return values.contains { $0 != first }
}

/// Two-sided p-value of a correlation coefficient by the t approximation with n − 2 df.
private func correlationPValue(_ r: Double, n: Int) -> Double {
    if abs(r) >= 1 { return 0 }
    let df = Double(n - 2)
    return StudentT.twoSidedPValue(r * (df / (1 - r * r)).squareRoot(), df: df)
}

/// Fisher z interval tanh(atanh r ± z_crit/√(n − 3)); nil when undefined (n < 4 or |r| = 1).
private func fisherInterval(_ r: Double, n: Int, level: Double) -> ConfidenceInterval? {
    guard n >= 4, abs(r) < 1 else { return nil }
    let z = atanh(r), halfWidth = Normal.quantile((1 + level) / 2) / Double(n - 3).squareRoot()
    return ConfidenceInterval(lower: tanh(z - halfWidth), upper: tanh(z + halfWidth), level: level, method: "fisher-z")
}
