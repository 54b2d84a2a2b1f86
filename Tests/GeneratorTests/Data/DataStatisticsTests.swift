// DataStatisticsTests: counts, label distributions, rating summaries and lexicon coverage on tiny inputs.
import Core
import Testing
@testable import Generator

@Suite struct DataStatisticsTests {
    static func sentence(_ tree: String) throws -> SSTSentence {
        SSTSentence(root: try SSTParser.parseTree(tree[...], source: "t", line: 1))
    }

    static func emo(_ split: DataSplit, _ v: Double, _ tokens: [String]) -> EmoBankSentence {
        EmoBankSentence(id: "d_0_1", split: split, valence: v, arousal: 3, dominance: 3, text: "", tokens: tokens,
                        document: "d", genre: "blog", start: 0, end: 1)
    }

    @Test func countsSplitsLabelsRatingsAndCoverage() throws {
        let sst = SSTCorpus(train: [try Self.sentence("(3 (2 The) (3 good))"), try Self.sentence("(2 (2 the) (2 end))")],
                            dev: [try Self.sentence("(0 awful)")], test: [])
        let emoBank = [Self.emo(.train, 2, ["Good", "day"]), Self.emo(.train, 4, ["bad"]), Self.emo(.dev, 3, ["ok"])]
        let lexicon = Lexicon(name: "toy", scale: RatingScale(lower: 1, upper: 9, neutral: 5), dimensions: [.valence],
                              entries: ["good": [.valence: Rating(mean: 8)], "awful": [.valence: Rating(mean: 1)]],
                              caseVariants: ["GOOD": [.valence: Rating(mean: 7)]])
        let stats = DataStatistics(sst: sst, emoBank: emoBank, lexicons: [lexicon])
        let sst5 = stats.corpora[0]
        #expect(sst5.name == "sst5")
        #expect(sst5.splits[0] == SplitStatistics(split: "train", examples: 2, tokens: 4, vocabulary: 3,
                                                  labels: ["3": 1, "2": 1], ratings: nil))
        #expect(sst5.splits[2].examples == 0)
        #expect(stats.corpora[1].splits[0].labels == ["1": 1])
        #expect(stats.corpora[1].splits[1].labels == ["0": 1])
        let train = stats.corpora[2].splits[0]
        #expect(train.examples == 2 && train.tokens == 3 && train.vocabulary == 3)
        #expect(train.ratings?["valence"] == RatingSummary([2, 4]))
        #expect(RatingSummary([2, 4]).mean == 3 && RatingSummary([2, 4]).standardDeviation == 2.squareRoot())
        // SST types: the, good, end, awful → good, awful covered. EmoBank: good, day, bad, ok → good.
        #expect(stats.lexicons == [LexiconStatistics(name: "toy", entries: 3, lowercasedWords: 2, sstTypesCovered: 2,
                                                     sstTypes: 4, emoBankTypesCovered: 1, emoBankTypes: 4)])
    }
}
