// LexiconJoinTests: exact match first, then lemma candidates; counts by rule; NaN ratings skipped.
import Testing
@testable import Core

@Suite struct LexiconJoinTests {
    static func lexicon(_ ratings: [String: Double]) -> Lexicon {
        Lexicon(name: "test", scale: RatingScale(lower: 1, upper: 9, neutral: 5), dimensions: [.valence],
                entries: ratings.mapValues { [.valence: Rating(mean: $0)] })
    }

    private func words(_ names: [String]) -> [WordScore] {
        names.map { WordScore(word: $0, occurrences: 2, meanScore: 1, standardDeviation: 0) }
    }

    @Test func exactThenLemma() {
        let lexicon = Self.lexicon(["love": 8, "loved": 7.5, "child": 7, "stop": 3, "go": 5.5])
        let (joined, summary) = joinToLexicon(words(["loved", "children", "stopped", "went", "zzz"]), lexicon: lexicon,
                                              dimension: .valence)
        #expect(joined.map(\.lemma) == ["loved", "child", "stop", "go"])
        #expect(joined[0].rule == "exact" && joined[0].rating == 7.5)
        #expect(summary.matchedExact == 1 && summary.matchedAfterLemmatization == 4 && summary.wordTypes == 5)
        #expect(summary.matchesByRule == ["exact": 1, "irregular": 2, "past-ed-doubled": 1])
        #expect(summary.lemmaMatches.contains(LemmaMatch(word: "stopped", lemma: "stop", rule: "past-ed-doubled")))
    }

    @Test func nonFiniteRatingIsSkippedAndCounted() {
        let lexicon = Self.lexicon(["films": .nan, "film": 6])
        let (joined, summary) = joinToLexicon(words(["films"]), lexicon: lexicon, dimension: .valence)
        #expect(joined.map(\.lemma) == ["film"])
        #expect(summary.nonFiniteRatingsSkipped == 1)
    }

    @Test func missingDimensionMatchesNothing() {
        let (joined, summary) = joinToLexicon(words(["love"]), lexicon: Self.lexicon(["love": 8]), dimension: .arousal)
        #expect(joined.isEmpty && summary.matchedAfterLemmatization == 0)
    }
}
