// WordAggregationTests: per-type counts, mean and SD, lower-casing, the occurrence filter and non-finite scores.
import Testing
@testable import Core

@Suite struct WordAggregationTests {
    let occurrences = [("Good", 1.0), ("good", 3.0), ("bad", 2.0), ("film", 0.5), ("film", 0.5), ("film", .nan),
                       ("bad", 4.0), ("bad", 6.0)].map { ScoredOccurrence(word: $0.0, score: $0.1) }

    @Test func aggregatesPerLowerCasedType() {
        let aggregation = aggregateWordScores(occurrences)
        #expect(aggregation.words.map(\.word) == ["bad", "film", "good"])
        let bad = aggregation.words[0]
        #expect(bad.occurrences == 3 && bad.meanScore == 4 && bad.standardDeviation == 2)
        #expect(aggregation.words[1].standardDeviation == 0)
        #expect(aggregation.words[2].meanScore == 2)
        #expect(aggregation.nonFiniteScoresDropped == 1)
        #expect(aggregation.typesBeforeFilter == 3)
    }

    @Test func filterIsConfigurable() {
        let strict = aggregateWordScores(occurrences, minimumOccurrences: 3)
        #expect(strict.words.map(\.word) == ["bad"])
        let single = aggregateWordScores([ScoredOccurrence(word: "once", score: 1)], minimumOccurrences: 1)
        #expect(single.words.first?.standardDeviation == nil)
    }
}
