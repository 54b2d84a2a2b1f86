// AcrossSeeds: the headline lexicon statistic (Spearman ρ of mean score with valence intensity) of every method ×
// layer over K training seeds, with two-level bootstrap intervals, and which differences between methods hold.
import Foundation

/// One method × layer's statistic across seeds.
public struct SeedFigure: Codable, Equatable, Sendable {
    public var method: String
    public var layer: Int?
    public var isBaseline: Bool
    /// The statistic on each seed's word types, in seed order (equal to that seed's report).
    public var perSeed: [Double]
    /// Word types per seed.
    public var wordTypes: [Int]
    /// The mean of `perSeed`: the headline estimate.
    public var mean: Double
    /// The sample standard deviation of `perSeed`; nil with one seed.
    public var betweenSeedSD: Double?
    /// The hierarchical-bootstrap percentile interval of the mean (seeds, then word types within each).
    public var interval: ConfidenceInterval?
}

/// Method `first` against method `second` (both at their headline, layer-less score) across seeds.
public struct SeedPair: Codable, Equatable, Sendable {
    public var first: String
    public var second: String
    /// Per seed, ρ_first − ρ_second on the word types both scored.
    public var perSeed: [Double]
    /// Seeds in which `first` has the larger statistic.
    public var firstWins: Int
    public var meanDifference: Double
    public var interval: ConfidenceInterval?
    /// The standard deviation of the bootstrap replicates: the standard error of `meanDifference`.
    public var standardError: Double
    /// Two-sided p-value of "no difference" from the bootstrap standard error (`standardErrorTest`); nil when SE = 0.
    public var pValue: Double?
    /// Holm-adjusted over every pair of the comparison that has a p-value.
    public var holm: Double?
}

/// Every figure and pair of one corpus's seeds.
public struct SeedComparison: Codable, Equatable, Sendable {
    public var seeds: [UInt64]
    /// What is compared, for the site: "Spearman ρ with |valence − 5| (warriner)".
    public var statistic: String
    public var resamples: Int
    public var figures: [SeedFigure]
    public var pairs: [SeedPair]
}

/// Per seed, the Spearman ρ between every entry's mean word score and |valence − `neutral`| of the first valence
/// target (the points each report keeps in `scatter`), averaged over seeds with a hierarchical bootstrap
/// (`hierarchicalBootstrapInterval`: seeds with replacement, then the seed's word types with replacement); and
/// for every pair of layer-less entries the same for the difference, resampling the word types the two share
/// (paired: both methods are scored on the same resampled words). Each figure and pair draws from its own
/// stream, `SplitMix64(seed).split(FNV-1a(name))`, so adding a method leaves the others' intervals unchanged.
///
/// - Parameter reports: one per seed, in seed order, of the same methods.
/// - Throws: `invalidArgument` when the reports disagree on their entries; the bootstrap's errors.
public func compareAcrossSeeds(_ reports: [ValidationReport], seeds: [UInt64], neutral: Double, resamples: Int,
                               level: Double = 0.95, seed: UInt64) throws -> SeedComparison {
    guard !reports.isEmpty, reports.count == seeds.count else {
        throw StatisticsError.invalidArgument(name: "reports", rule: "one per seed, at least one")
    }
    let keys = reports[0].entries.map { SeedEntryKey(method: $0.method, layer: $0.layer) }
    for report in reports.dropFirst() where report.entries.map({ SeedEntryKey(method: $0.method, layer: $0.layer) }) != keys {
        throw StatisticsError.invalidArgument(name: "reports", rule: "the same method × layer entries in every seed")
    }
    let samples = reports.map { report in report.entries.map { SeedSample($0.scatter, neutral: neutral) } }
    var figures: [SeedFigure] = []
    for (e, entry) in reports[0].entries.enumerated() {
        let perSeed = samples.map { $0[e] }
        guard perSeed.allSatisfy(\.isRankable) else { continue }
        var generator = SplitMix64(seed: seed).split(stableHash("seeds|\(entry.method)|\(entry.layer.map(String.init) ?? "-")"))
        let result = try hierarchicalBootstrapInterval(groupSizes: perSeed.map { [$0.count] }, resamples: resamples,
                                                       level: level, using: &generator) { k, indices in
            perSeed[k].rho(indices[0])
        }
        figures.append(SeedFigure(method: entry.method, layer: entry.layer, isBaseline: entry.isBaseline,
                                  perSeed: result.perGroup, wordTypes: perSeed.map(\.count), mean: result.estimate,
                                  betweenSeedSD: result.betweenGroupSD, interval: result.interval))
    }
    let headline = figures.filter { $0.layer == nil }
    var pairs: [SeedPair] = []
    for i in headline.indices {
        for j in headline.indices where j > i {
            let a = headline[i], b = headline[j]
            let ea = keys.firstIndex(of: SeedEntryKey(method: a.method, layer: nil))!
            let eb = keys.firstIndex(of: SeedEntryKey(method: b.method, layer: nil))!
            let shared = samples.map { SeedSample.Paired($0[ea], $0[eb]) }
            guard shared.allSatisfy(\.isRankable) else { continue }
            var generator = SplitMix64(seed: seed).split(stableHash("seeds|\(a.method)-\(b.method)"))
            let result = try hierarchicalBootstrapInterval(groupSizes: shared.map { [$0.count] }, resamples: resamples,
                                                           level: level, using: &generator) { k, indices in
                shared[k].difference(indices[0])
            }
            let (se, p) = result.standardErrorTest
            pairs.append(SeedPair(first: a.method, second: b.method, perSeed: result.perGroup,
                                  firstWins: result.perGroup.filter { $0 > 0 }.count, meanDifference: result.estimate,
                                  interval: result.interval, standardError: se, pValue: p, holm: nil))
        }
    }
    for (k, adjusted) in holmAdjusted(pairs.map(\.pValue)).enumerated() { pairs[k].holm = adjusted }
    return SeedComparison(seeds: seeds, statistic: "Spearman ρ with |valence − \(String(format: "%g", neutral))|",
                          resamples: resamples, figures: figures, pairs: pairs)
}

private struct SeedEntryKey: Equatable {
    var method: String
    var layer: Int?
}

/// One seed's word types of one entry: mean scores and intensities, with dense rank keys so that a resample is
/// ranked by counting (as `spearmanCorrelation`'s bootstrap).
private struct SeedSample {
    var words: [String]
    var scores: [Double]
    var intensities: [Double]
    var scoreKeys: (keys: [Int], distinct: Int)
    var intensityKeys: (keys: [Int], distinct: Int)

    init(_ points: [ScatterPoint], neutral: Double) {
        self.init(words: points.map(\.word), scores: points.map(\.meanScore),
                  intensities: points.map { abs($0.valence - neutral) })
    }

    init(words: [String], scores: [Double], intensities: [Double]) {
        self.words = words
        self.scores = scores
        self.intensities = intensities
        scoreKeys = denseRankKeys(scores)
        intensityKeys = denseRankKeys(intensities)
    }

    var count: Int { scores.count }
    var isRankable: Bool { count >= 3 && isNotConstant(scores) && isNotConstant(intensities) }

    /// ρ on the resample `indices` (the identity gives the full-sample ρ); nil when a variable is constant in it.
    func rho(_ indices: [Int]) -> Double? {
        let x = averageRanks(keys: scoreKeys.keys, distinct: scoreKeys.distinct, indices: indices)
        let y = averageRanks(keys: intensityKeys.keys, distinct: intensityKeys.distinct, indices: indices)
        guard isNotConstant(x), isNotConstant(y) else { return nil }
        return pearsonCoefficient(x, y)
    }

    /// Two entries of one seed restricted to the word types both have, in the first one's order.
    struct Paired {
        var first: SeedSample
        var second: SeedSample

        init(_ a: SeedSample, _ b: SeedSample) {
            let position = Dictionary(b.words.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let shared = a.words.indices.filter { position[a.words[$0]] != nil }
            let other = shared.map { position[a.words[$0]]! }
            first = SeedSample(words: shared.map { a.words[$0] }, scores: shared.map { a.scores[$0] },
                               intensities: shared.map { a.intensities[$0] })
            second = SeedSample(words: first.words, scores: other.map { b.scores[$0] }, intensities: first.intensities)
        }

        var count: Int { first.count }
        var isRankable: Bool { first.isRankable && second.isRankable }

        func difference(_ indices: [Int]) -> Double? {
            guard let a = first.rho(indices), let b = second.rho(indices) else { return nil }
            return a - b
        }
    }
}
