// MethodComparisons: paired comparisons between the attribution methods themselves, per faithfulness figure.

/// Two methods compared on one figure over the examples where both are defined: the paired differences
/// dᵢ = first − second (so a positive `meanDifference` means `first` scores higher).
public struct MethodPairComparison: Codable, Equatable, Sendable {
    public var first: AttributionKey
    public var second: AttributionKey
    /// Examples where the figure is defined for both keys.
    public var n: Int
    /// d̄ = mean(first − second) over those examples.
    public var meanDifference: Double
    /// Seeded paired percentile bootstrap 95 % interval of d̄ (`pairedBootstrapMeanDifference`); nil when n < 2.
    public var interval: ConfidenceInterval?
    /// Two-sided Wilcoxon signed-rank test of the differences (normal approximation), its effect the matched-pairs
    /// rank-biserial correlation; `adjusted` is Holm/BH over every tested pair of the figure. nil when n < 2 or
    /// every difference is zero (nothing to test; never NaN).
    public var test: TwoSampleResult?

    public init(first: AttributionKey, second: AttributionKey, n: Int, meanDifference: Double,
                interval: ConfidenceInterval?, test: TwoSampleResult?) {
        self.first = first
        self.second = second
        self.n = n
        self.meanDifference = meanDifference
        self.interval = interval
        self.test = test
    }
}

extension MethodPairComparison {
    /// Every pair of `keys` (each pair once, first < second in key order) on `figure`, tested and then Holm- and
    /// BH-adjusted together as one family. A pair with no example where both are defined is left out.
    ///
    /// One generator (seeded from `seed` and the figure) draws every pair's bootstrap in pair order, so the same
    /// inputs give the same intervals.
    public static func compare(_ examples: [ExampleEvaluation], figure: FaithfulnessFigure, keys: [AttributionKey],
                               resamples: Int = 1_000, seed: UInt64 = 0) -> [MethodPairComparison] {
        let keys = Array(Set(keys)).sorted()
        let figureIndex = UInt64(FaithfulnessFigure.allCases.firstIndex(of: figure)!)
        var generator = SplitMix64(seed: seed ^ (0xC0FF_EE00_D15E_A5E5 &* (figureIndex + 1)))
        var comparisons: [MethodPairComparison] = []
        for (i, first) in keys.enumerated() {
            for second in keys[(i + 1)...] {
                let pairs = examples.compactMap { e -> (Double, Double)? in
                    guard let x = figure.value(e, first), let y = figure.value(e, second) else { return nil }
                    return (x, y)
                }
                guard !pairs.isEmpty else { continue }
                let x = pairs.map(\.0), y = pairs.map(\.1)
                let bootstrap = try? pairedBootstrapMeanDifference(x, y, resamples: resamples, using: &generator)
                comparisons.append(MethodPairComparison(
                    first: first, second: second, n: pairs.count,
                    meanDifference: zip(x, y).reduce(0.0) { $0 + $1.0 - $1.1 } / Double(pairs.count),
                    interval: bootstrap?.interval, test: try? wilcoxonSignedRank(x, y)))
            }
        }
        let adjusted = FaithfulnessSummary.adjustedPValues(comparisons.map { $0.test?.pValue },
                                                           family: "\(figure.rawValue).wilcoxon-between-methods")
        for (index, values) in adjusted.enumerated() { comparisons[index].test?.adjusted = values }
        return comparisons
    }
}
