// AttributionBaselinesTests: the shuffled baseline is a seeded permutation; frequency gives each type its count.
import Testing
@testable import Core

@Suite struct AttributionBaselinesTests {
    let occurrences = (0..<50).map { ScoredOccurrence(word: "w\($0 % 7)", score: Double($0)) }

    @Test func shuffledScoresArePermutedReproducibly() {
        var a = SplitMix64(seed: 4), b = SplitMix64(seed: 4)
        let first = makeRandomBaseline(from: occurrences, using: &a)
        let second = makeRandomBaseline(from: occurrences, using: &b)
        #expect(first.occurrences == second.occurrences)
        #expect(first.occurrences.map(\.score).sorted() == occurrences.map(\.score))
        #expect(first.occurrences.map(\.score) != occurrences.map(\.score))
        #expect(first.occurrences.map(\.word) == occurrences.map(\.word))
        #expect(first.method == "random-baseline" && first.layer == nil)
    }

    @Test func uniformScoresLieInUnitInterval() {
        var generator = SplitMix64(seed: 4)
        let baseline = makeRandomBaseline(from: occurrences, kind: .uniform, using: &generator)
        #expect(baseline.occurrences.allSatisfy { $0.score >= 0 && $0.score < 1 })
    }

    @Test func frequencyBaselineMeanIsTheCount() {
        let aggregation = aggregateWordScores(makeFrequencyBaseline(from: occurrences).occurrences)
        #expect(aggregation.words.first { $0.word == "w0" }?.meanScore == 8)
        #expect(aggregation.words.first { $0.word == "w6" }?.meanScore == 7)
    }
}
