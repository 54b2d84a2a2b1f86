// FaithfulnessAcrossSeeds: ERASER faithfulness and plausibility figures over K training seeds — per seed, mean,
// between-seed SD, hierarchical bootstrap interval (seeds, then examples), and every pair of methods per figure.

/// One figure of one method (× layer) across seeds.
public struct FaithfulnessSeedFigure: Codable, Equatable, Sendable {
    public var figure: FaithfulnessFigure
    public var key: AttributionKey
    /// The mean over each seed's examples where the figure is defined, in seed order.
    public var perSeed: [Double]
    public var examples: [Int]
    public var mean: Double
    public var betweenSeedSD: Double?
    public var interval: ConfidenceInterval?
}

/// Method `first` against `second` on one figure (input-level scores), paired by example within each seed.
public struct FaithfulnessSeedPair: Codable, Equatable, Sendable {
    public var figure: FaithfulnessFigure
    public var first: MethodID
    public var second: MethodID
    /// Per seed, the mean over examples of first − second.
    public var perSeed: [Double]
    /// Seeds in which `first` is better: higher, or lower for sufficiency.
    public var firstBetter: Int
    public var meanDifference: Double
    public var interval: ConfidenceInterval?
    public var standardError: Double
    /// 2·Φ(−|mean| / SE), as `SeedPair.pValue`; nil when SE = 0.
    public var pValue: Double?
    /// Holm-adjusted over the pairs of the same figure.
    public var holm: Double?
}

public struct FaithfulnessAcrossSeeds: Codable, Equatable, Sendable {
    public var figures: [FaithfulnessSeedFigure]
    public var pairs: [FaithfulnessSeedPair]
}

/// Every `figures` × key present in every seed's evaluations, and every pair of layer-less keys per figure. The
/// per-seed statistic is the mean over the examples where the figure is defined (for a pair, where both are);
/// the bootstrap is `hierarchicalBootstrapInterval` with the examples as the within-seed samples. Streams:
/// `SplitMix64(seed).split(FNV-1a("faithfulness-seeds|figure|key"))` and `…|figure|first-second`.
///
/// - Parameter examples: one array per seed, in seed order.
public func faithfulnessAcrossSeeds(_ examples: [[ExampleEvaluation]],
                                    figures: [FaithfulnessFigure] = [.comprehensiveness, .sufficiency, .auprc, .f1],
                                    resamples: Int, level: Double = 0.95, seed: UInt64) throws -> FaithfulnessAcrossSeeds {
    guard let first = examples.first?.first else { return FaithfulnessAcrossSeeds(figures: [], pairs: []) }
    let keys = first.faithfulness.keys.sorted()
    var result = FaithfulnessAcrossSeeds(figures: [], pairs: [])
    /// One seed's values of a statistic over its examples, nil where undefined, compacted.
    func defined(_ values: (ExampleEvaluation) -> Double?) -> [[Double]] { examples.map { $0.compactMap(values) } }
    func bootstrap(_ samples: [[Double]], stream: String) throws -> HierarchicalBootstrapResult? {
        guard samples.allSatisfy({ !$0.isEmpty }) else { return nil }
        var generator = SplitMix64(seed: seed).split(stableHash(stream))
        return try hierarchicalBootstrapOfMeans(samples, resamples: resamples, level: level, using: &generator)
    }
    for figure in figures {
        for key in keys {
            let samples = defined { figure.value($0, key) }
            guard let b = try bootstrap(samples, stream: "faithfulness-seeds|\(figure.rawValue)|\(key)") else { continue }
            result.figures.append(FaithfulnessSeedFigure(figure: figure, key: key, perSeed: b.perGroup,
                                                         examples: samples.map(\.count), mean: b.estimate,
                                                         betweenSeedSD: b.betweenGroupSD, interval: b.interval))
        }
        let headline = keys.filter { $0.layer == nil }
        var pairs: [FaithfulnessSeedPair] = []
        for i in headline.indices {
            for j in headline.indices where j > i {
                let a = headline[i], c = headline[j]
                let samples = defined { e in figure.value(e, a).flatMap { x in figure.value(e, c).map { x - $0 } } }
                guard let b = try bootstrap(samples, stream: "faithfulness-seeds|\(figure.rawValue)|\(a)-\(c)") else { continue }
                let (se, p) = b.standardErrorTest
                let better = b.perGroup.filter { figure.isHigherBetter ? $0 > 0 : $0 < 0 }.count
                pairs.append(FaithfulnessSeedPair(figure: figure, first: a.method, second: c.method, perSeed: b.perGroup,
                                                  firstBetter: better, meanDifference: b.estimate, interval: b.interval,
                                                  standardError: se, pValue: p, holm: nil))
            }
        }
        for (k, adjusted) in holmAdjusted(pairs.map(\.pValue)).enumerated() { pairs[k].holm = adjusted }
        result.pairs += pairs
    }
    return result
}
