// AttributionBaselines: the random and word-frequency attributions that every method must beat.

/// The baselines of the lexicon statistics, with stable ids beside the methods' (`MethodID`): they are series
/// of the validation, not trace methods, so they have no `MethodID` case.
public enum BaselineID: String, CaseIterable, Sendable {
    case random = "random-baseline"
    case frequency = "frequency-baseline"

    /// The name shown to readers.
    public var displayName: String {
        switch self {
        case .random: "Random baseline"
        case .frequency: "Word-frequency baseline"
        }
    }

    /// What the baseline is, in one sentence for the Methods page.
    public var summary: String {
        switch self {
        case .random:
            "The first method's scores shuffled across all occurrences (seeded): what chance alone gives. Every method must beat it."
        case .frequency:
            "A word's number of occurrences as its score: whether attention says more than \"frequent words are emotional\"."
        }
    }
}

/// How the random baseline draws its scores.
public enum RandomBaseline: String, Codable, Sendable {
    /// Shuffle the observed scores across all occurrences (Fisher–Yates, seeded): keeps the score distribution
    /// of the method it is built from and breaks any link between a word and its score.
    case shuffledScores = "shuffled-scores"
    /// An independent uniform score in [0, 1) per occurrence.
    case uniform
}

/// The random baseline over the same occurrences: method "random-baseline".
public func makeRandomBaseline(from occurrences: [ScoredOccurrence], kind: RandomBaseline = .shuffledScores,
                               using generator: inout SplitMix64) -> AttributionSeries {
    var scores = occurrences.map(\.score)
    switch kind {
    case .shuffledScores:
        if scores.count > 1 {
            for i in stride(from: scores.count - 1, to: 0, by: -1) {
                scores.swapAt(i, drawIndex(below: i + 1, using: &generator))
            }
        }
    case .uniform:
        scores = scores.map { _ in generator.nextUnitDouble() }
    }
    let baseline = zip(occurrences, scores).map { ScoredOccurrence(word: $0.word, score: $1) }
    return AttributionSeries(method: BaselineID.random.rawValue, layer: nil, occurrences: baseline)
}

/// The word-frequency baseline: every occurrence scores the number of occurrences of its (lower-cased) word type,
/// so a type's mean score is its frequency. Method "frequency-baseline".
public func makeFrequencyBaseline(from occurrences: [ScoredOccurrence]) -> AttributionSeries {
    var counts: [String: Int] = [:]
    for occurrence in occurrences { counts[occurrence.word.lowercased(), default: 0] += 1 }
    let baseline = occurrences.map { ScoredOccurrence(word: $0.word, score: Double(counts[$0.word.lowercased()]!)) }
    return AttributionSeries(method: BaselineID.frequency.rawValue, layer: nil, occurrences: baseline)
}
