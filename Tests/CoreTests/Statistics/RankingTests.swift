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

@Suite struct CountingRankTests {
    @Test func countingRanksEqualSortedRanksOnResamples() {
        let values: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
        let (keys, distinct) = denseRankKeys(values)
        #expect(distinct == 7)
        var generator = SplitMix64(seed: 8)
        for _ in 0..<50 {
            let indices = (0..<values.count).map { _ in drawIndex(below: values.count, using: &generator) }
            #expect(averageRanks(keys: keys, distinct: distinct, indices: indices)
                    == averageRanks(indices.map { values[$0] }).ranks)
        }
    }
}
