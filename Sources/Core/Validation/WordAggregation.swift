// WordAggregation: per word type (lower-cased), the number of occurrences and the mean and SD of its scores.

/// One token's score under one method (and layer), with the word it belongs to.
public struct ScoredOccurrence: Equatable, Sendable {
    public var word: String
    public var score: Double

    public init(word: String, score: Double) {
        self.word = word
        self.score = score
    }
}

/// A word type's aggregated score over a split.
public struct WordScore: Codable, Equatable, Sendable {
    /// Lower-cased word.
    public var word: String
    public var occurrences: Int
    public var meanScore: Double
    /// Sample standard deviation (n − 1); nil for a single occurrence.
    public var standardDeviation: Double?

    public init(word: String, occurrences: Int, meanScore: Double, standardDeviation: Double?) {
        self.word = word
        self.occurrences = occurrences
        self.meanScore = meanScore
        self.standardDeviation = standardDeviation
    }
}

/// The aggregation of one method/layer's scores, with what was left out and why.
public struct WordAggregation: Codable, Equatable, Sendable {
    /// Word types kept (occurrences ≥ the minimum), sorted by word.
    public var words: [WordScore]
    /// Distinct word types before the occurrence filter.
    public var typesBeforeFilter: Int
    /// Occurrences with a NaN or infinite score, dropped before aggregation.
    public var nonFiniteScoresDropped: Int
    public var minimumOccurrences: Int
}

/// Aggregates scores per lower-cased word type and keeps types seen at least `minimumOccurrences` times
/// (default 2: the authors' "seen more than once"). Non-finite scores are dropped and counted.
public func aggregateWordScores(_ occurrences: [ScoredOccurrence], minimumOccurrences: Int = 2) -> WordAggregation {
    precondition(minimumOccurrences >= 1, "minimumOccurrences must be at least 1")
    var scoresByWord: [String: [Double]] = [:]
    var dropped = 0
    for occurrence in occurrences {
        guard occurrence.score.isFinite else {
            dropped += 1
            continue
        }
        scoresByWord[occurrence.word.lowercased(), default: []].append(occurrence.score)
    }
    let words = scoresByWord.filter { $0.value.count >= minimumOccurrences }.map { word, scores in
        WordScore(word: word, occurrences: scores.count, meanScore: mean(scores),
                  standardDeviation: scores.count >= 2 ? sampleStandardDeviation(scores) : nil)
    }.sorted { $0.word < $1.word }
    return WordAggregation(words: words, typesBeforeFilter: scoresByWord.count, nonFiniteScoresDropped: dropped,
                           minimumOccurrences: minimumOccurrences)
}
