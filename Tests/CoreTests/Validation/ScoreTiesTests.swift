import Testing
@testable import Core

@Suite struct ScoreTiesTests {
    func record(_ tokens: [String], _ scores: [Float]) -> TraceRecord {
        TraceRecord(id: "s", tokens: tokens, label: .classIndex(0), prediction: .classIndex(0),
                    attributions: [.attentionFlow: Attribution(scores: scores)])
    }

    /// Worked by hand:
    /// - "a b c a", scores 1 1 0.5 1: the score 1 is held by texts {a, b} → tokens 0, 1, 3 tied; 0.5 alone. Top 1 is
    ///   shared by two texts → a shared top. 3 of 4 tokens tied.
    /// - "x y x", scores 0.2 0.7 0.2: 0.2 is held only by "x" (a repeated word, not a tie of the method) → 0 tied;
    ///   top 0.7 alone. 0 of 3.
    /// - "z z": one distinct text → skipped.
    /// - "p q", scores NaN NaN: NaN never ties → 0 of 2 tied, no top.
    /// Totals: 3 tied of 4 + 3 + 2 = 9 tokens; 1 shared top of 3 sentences.
    @Test func countsTiesBetweenDifferentWordsOnly() {
        let ties = scoreTies([record(["a", "b", "c", "a"], [1, 1, 0.5, 1]), record(["x", "y", "x"], [0.2, 0.7, 0.2]),
                              record(["z", "z"], [0.3, 0.3]), record(["p", "q"], [.nan, .nan])],
                             method: .attentionFlow)
        #expect(ties.tokens == 9)
        #expect(ties.sentences == 3)
        #expect(ties.tiedTokens == 3.0 / 9.0)
        #expect(ties.sharedTop == 1.0 / 3.0)
    }

    @Test func aMethodMissingFromTheRecordsCountsNothing() {
        let ties = scoreTies([record(["a", "b"], [1, 1])], method: .lat)
        #expect(ties == ScoreTies(tiedTokens: 0, sharedTop: 0, tokens: 0, sentences: 0))
    }
}
