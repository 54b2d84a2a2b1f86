// PairedBootstrap: the paired bootstrap of a mean difference (comparing methods on the same examples).
import Foundation

/// Paired bootstrap of the mean difference d̄ = mean(xᵢ − yᵢ): resample pairs with replacement.
///
/// The p-value is the two-sided bootstrap p = min(1, 2 min(1 + #(d̄* ≤ 0), 1 + #(d̄* ≥ 0)) / (B + 1)) — the shift
/// of one (Davison & Hinkley 1997, §4.4) keeps it above zero for a finite number of resamples.
/// The statistic and the effect size are both d̄; the interval is the bootstrap interval of d̄.
///
/// - Throws: `lengthMismatch`, `nonFiniteInput`, `tooFewObservations` (fewer than 2 pairs), bootstrap errors.
public func pairedBootstrapMeanDifference(_ x: [Double], _ y: [Double], resamples: Int = 1_000, level: Double = 0.95,
                                          method: BootstrapMethod = .percentile,
                                          using generator: inout SplitMix64) throws -> TwoSampleResult {
    try Check.sameLength(x, y)
    try Check.samples(x, y, atLeast: 2)
    let differences = zip(x, y).map { $0 - $1 }
    let result = try bootstrapInterval(sampleSize: differences.count, resamples: resamples, level: level,
                                       method: method, using: &generator) { indices in
        indices.reduce(0.0) { $0 + differences[$1] } / Double(indices.count)
    }
    let atOrBelow = result.replicates.filter { $0 <= 0 }.count, atOrAbove = result.replicates.filter { $0 >= 0 }.count
    let p = min(1, 2 * Double(min(atOrBelow, atOrAbove) + 1) / Double(result.replicates.count + 1))
    return TwoSampleResult(test: "paired-bootstrap", statistic: result.estimate, pValue: p, df: nil,
                           effectSize: result.estimate, effectSizeName: "mean-difference", interval: result.interval,
                           n1: x.count, n2: y.count, mean1: mean(x), mean2: mean(y))
}

