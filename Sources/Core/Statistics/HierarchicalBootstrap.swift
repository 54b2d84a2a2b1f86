// HierarchicalBootstrap: an interval for a statistic averaged over training seeds that resamples the seeds
// and, within each, the observations (word types, examples) the statistic is computed from.
import Foundation

/// The per-seed values, their mean and spread, and the two-level bootstrap interval of the mean.
public struct HierarchicalBootstrapResult: Sendable, Equatable {
    /// The statistic on each group's (seed's) full samples, in group order.
    public var perGroup: [Double]
    /// The mean of `perGroup`: the headline estimate.
    public var estimate: Double
    /// The sample standard deviation of `perGroup` (n − 1); nil with one group.
    public var betweenGroupSD: Double?
    /// Percentile interval of the replicates; nil when fewer than half of the resamples were defined.
    public var interval: ConfidenceInterval?
    /// The defined replicates, in resampling order.
    public var replicates: [Double]
    /// How many resamples were drawn.
    public var resamples: Int
}

/// Bootstraps the mean over K groups (training seeds) of a statistic computed within each group, resampling
/// at both levels (the two-stage bootstrap of Davison & Hinkley 1997, §3.8, with replacement at both stages):
///
/// 1. Estimate: θ̂_k = `statistic(k, identity indices of group k's samples)`, θ̂ = mean_k θ̂_k.
/// 2. For b in 1…`resamples`: draw K groups with replacement (`drawIndex(below: K)`; skipped when K = 1, so one
///    group gives exactly `bootstrapInterval`'s replicates and interval); then for each drawn group in draw
///    order, each of its samples in order, draw n indices with replacement and evaluate the statistic. The
///    replicate is the mean of the K values, or undefined (skipped) when any of them is nil.
/// 3. Percentile interval: the α/2 and 1 − α/2 linear quantiles of the defined replicates, α = 1 − level.
///
/// Resampling seeds carries the between-seed variation into the interval; resampling within a seed carries the
/// sampling variation of its word types or examples. With few seeds (3) the seed stage can only draw 10
/// distinct multisets, so the interval is coarse: the per-seed values are reported beside it.
///
/// - Parameter groupSizes: for each group, the sizes of its independent samples (usually one: `[[n₁], [n₂], …]`).
/// - Throws: `invalidArgument` for a bad level, resample count or no groups; `tooFewObservations` for an empty
///   sample; `constantInput` when the statistic is undefined on a group's full samples.
public func hierarchicalBootstrapInterval(groupSizes: [[Int]], resamples: Int, level: Double = 0.95,
                                          using generator: inout SplitMix64,
                                          statistic: (_ group: Int, _ indices: [[Int]]) -> Double?)
    throws -> HierarchicalBootstrapResult {
    try Check.level(level)
    if resamples < 1 { throw StatisticsError.invalidArgument(name: "resamples", rule: "at least 1") }
    if groupSizes.isEmpty { throw StatisticsError.invalidArgument(name: "groupSizes", rule: "at least one group") }
    for sizes in groupSizes {
        for size in sizes where size < 1 { throw StatisticsError.tooFewObservations(n: size, needed: 1) }
    }
    let groups = groupSizes.count
    var perGroup: [Double] = []
    for (k, sizes) in groupSizes.enumerated() {
        guard let value = statistic(k, sizes.map { Array(0..<$0) }) else {
            throw StatisticsError.constantInput(argument: "group \(k) (the statistic is undefined on it)")
        }
        perGroup.append(value)
    }
    var replicates: [Double] = []
    replicates.reserveCapacity(resamples)
    for _ in 0..<resamples {
        let drawn = groups == 1 ? [0] : (0..<groups).map { _ in drawIndex(below: groups, using: &generator) }
        var sum = 0.0, defined = true
        for k in drawn {
            let indices = groupSizes[k].map { n in (0..<n).map { _ in drawIndex(below: n, using: &generator) } }
            if let value = statistic(k, indices) { sum += value } else { defined = false }
        }
        if defined { replicates.append(sum / Double(groups)) }
    }
    var interval: ConfidenceInterval?
    if replicates.count * 2 >= resamples {
        let sorted = replicates.sorted(), alpha = (1 - level) / 2
        interval = ConfidenceInterval(lower: linearQuantile(sorted, alpha), upper: linearQuantile(sorted, 1 - alpha),
                                      level: level, method: groups == 1 ? "bootstrap-percentile"
                                                                        : "hierarchical-bootstrap-percentile")
    }
    return HierarchicalBootstrapResult(perGroup: perGroup, estimate: mean(perGroup),
                                       betweenGroupSD: groups > 1 ? sampleStandardDeviation(perGroup) : nil,
                                       interval: interval, replicates: replicates, resamples: resamples)
}

/// `hierarchicalBootstrapInterval` of the plainest statistic: each group's sample mean (a seed's mean over its
/// examples or sentences), averaged over groups.
public func hierarchicalBootstrapOfMeans(_ samples: [[Double]], resamples: Int, level: Double = 0.95,
                                         using generator: inout SplitMix64) throws -> HierarchicalBootstrapResult {
    try hierarchicalBootstrapInterval(groupSizes: samples.map { [$0.count] }, resamples: resamples, level: level,
                                      using: &generator) { k, indices in
        indices[0].reduce(0.0) { $0 + samples[k][$1] } / Double(indices[0].count)
    }
}

extension HierarchicalBootstrapResult {
    /// The standard deviation of the replicates (the bootstrap standard error of `estimate`), and the two-sided
    /// p-value of "the mean is 0" it gives, 2·Φ(−|estimate| / SE) (Efron & Tibshirani 1993, §16.4); p is nil when
    /// SE = 0. Not the percentile count of replicates beyond 0: with B resamples that cannot go below 2/(B + 1),
    /// which a Holm correction over tens of pairs lifts above 0.1 whatever the data.
    public var standardErrorTest: (standardError: Double, pValue: Double?) {
        let se = replicates.count > 1 ? sampleStandardDeviation(replicates) : 0
        return (se, se > 0 ? 2 * Normal.sf(abs(estimate) / se) : nil)
    }
}
