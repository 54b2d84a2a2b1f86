// SSTCorpusTests: SST-2 derivation and phrase deduplication, by hand and on the real training split.
import Testing
@testable import Core

@Suite struct SSTCorpusTests {
    static func sentence(_ tree: String) throws -> SSTSentence {
        SSTSentence(root: try SSTParser.parseTree(tree[...], source: "t", line: 1))
    }

    @Test(arguments: [(0, 0), (1, 0), (2, nil), (3, 1), (4, 1)] as [(Int, Int?)])
    func binaryLabel(label: Int, binary: Int?) {
        #expect(SSTSentence.binaryLabel(label) == binary)
    }

    @Test func binarizedDropsNeutralAndRelabels() throws {
        let positive = try Self.sentence("(4 (2 a) (3 (1 b) (4 c)))").binarized()
        #expect(positive?.label == 1)
        #expect(positive?.phrases == [SSTPhrase(tokenRange: 0..<3, label: 1), SSTPhrase(tokenRange: 1..<3, label: 1),
                                      SSTPhrase(tokenRange: 1..<2, label: 0), SSTPhrase(tokenRange: 2..<3, label: 1)])
        #expect(try Self.sentence("(2 (2 a) (4 b))").binarized() == nil)
        let corpus = SSTCorpus(train: [try Self.sentence("(0 x)"), try Self.sentence("(2 y)")], dev: [], test: [])
        #expect(corpus.binarized().train.map(\.label) == [0])
    }

    @Test func distinctPhrasesKeepFirstOccurrence() throws {
        let sentences = [try Self.sentence("(3 (2 The) (3 film))"), try Self.sentence("(1 (2 the) (1 (2 film) (1 bores)))")]
        let lower = SSTSentence.distinctPhrases(of: sentences)
        #expect(lower == [
            SSTPhraseExample(tokens: ["The", "film"], label: 3), SSTPhraseExample(tokens: ["The"], label: 2),
            SSTPhraseExample(tokens: ["film"], label: 3), SSTPhraseExample(tokens: ["the", "film", "bores"], label: 1),
            SSTPhraseExample(tokens: ["film", "bores"], label: 1), SSTPhraseExample(tokens: ["bores"], label: 1),
        ])
        #expect(SSTSentence.distinctPhrases(of: sentences, lowercased: false).count == 7)
    }

    /// The training split has 318,582 labelled nodes; 159,274 distinct exact-case token sequences and
    /// 156,817 lower-cased ones (RESEARCH.md quotes 156,816; counted independently in Python the same way).
    @Test func realTrainingPhraseCounts() throws {
        let train = try CorpusFiles.sstTrain.get()
        #expect(train.reduce(0) { $0 + $1.phrases.count } == 318_582)
        #expect(SSTSentence.distinctPhrases(of: train).count == 156_817)
        #expect(SSTSentence.distinctPhrases(of: train, lowercased: false).count == 159_274)
        let corpus = SSTCorpus(train: train, dev: [], test: []).binarized()
        #expect(corpus.train.count == 6_920)
    }
}
