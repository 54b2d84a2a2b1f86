// RankingTests: average ranks with ties and the tie term.
import Testing
@testable import Core

@Suite struct RankingTests {
    @Test func averageRanksShareTies() {
        let (ranks, ties) = averageRanks([10, 20, 10, 30, 20, 20])
        #expect(ranks == [1.5, 4, 1.5, 6, 4, 4])
        #expect(ties.sorted() == [1, 2, 3])
        #expect(tieTerm(ties) == 0 + 6 + 24)
    }

    @Test func emptyAndSingle() {
        #expect(averageRanks([]).ranks == [])
        #expect(averageRanks([5]).ranks == [1])
    }
}
