// MethodAgreement: do two methods rank a sentence's words alike? Kendall's τ-b per sentence, averaged, per seed
// and across seeds (Neely et al. 2022, "A Song of (Dis)agreement", Table 1).

/// Two methods' agreement on one corpus.
public struct AgreementPair: Codable, Equatable, Sendable {
    public var first: String
    public var second: String
    /// Per seed, the mean over sentences of τ-b between the two methods' input-level scores.
    public var perSeed: [Double]
    /// Sentences with τ-b defined, per seed (both rankings non-constant, at least two words).
    public var sentences: [Int]
    /// The mean of `perSeed`.
    public var mean: Double
    public var betweenSeedSD: Double?
    /// Hierarchical bootstrap (seeds, then sentences within each) percentile interval of `mean`; with one seed,
    /// the plain bootstrap over sentences.
    public var interval: ConfidenceInterval?
}

/// For every pair of `methods` (in order, i < j): per seed, the mean over that seed's records of Kendall's τ-b
/// between the two methods' `scores`; over seeds, the mean with a `hierarchicalBootstrapInterval`. Each pair draws
/// from its own stream, `SplitMix64(seed).split(FNV-1a("agreement|first-second"))`. A sentence where either
/// ranking is constant (or with one word) has no τ and is left out of that pair's mean; a pair with no defined
/// sentence in some seed is left out.
///
/// - Parameter records: one array per seed; each seed's records must have the methods' attributions.
public func methodAgreement(_ records: [[TraceRecord]], methods: [MethodID], resamples: Int, level: Double = 0.95,
                            seed: UInt64) throws -> [AgreementPair] {
    var pairs: [AgreementPair] = []
    for i in methods.indices {
        for j in methods.indices where j > i {
            let a = methods[i], b = methods[j]
            let taus: [[Double]] = records.map { seedRecords in
                seedRecords.compactMap { record in
                    guard let x = record.attributions[a]?.scores, let y = record.attributions[b]?.scores,
                          x.count == y.count else { return nil }
                    return try? kendallTauB(x.map(Double.init), y.map(Double.init))
                }
            }
            guard taus.allSatisfy({ !$0.isEmpty }) else { continue }
            var generator = SplitMix64(seed: seed).split(stableHash("agreement|\(a.rawValue)-\(b.rawValue)"))
            let result = try hierarchicalBootstrapOfMeans(taus, resamples: resamples, level: level, using: &generator)
            pairs.append(AgreementPair(first: a.rawValue, second: b.rawValue, perSeed: result.perGroup,
                                       sentences: taus.map(\.count), mean: result.estimate,
                                       betweenSeedSD: result.betweenGroupSD, interval: result.interval))
        }
    }
    return pairs
}
