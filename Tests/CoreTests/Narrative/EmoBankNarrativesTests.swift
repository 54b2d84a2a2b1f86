// EmoBankNarrativesTests: grouping by document, order by offset, headlines dropped, per-document split, chunks.
import Testing
@testable import Core

@Suite struct EmoBankNarrativesTests {
    static func sentence(_ id: String, document: String, genre: String = "letters", split: DataSplit = .train,
                         valence: Double = 3, start: Int?, end: Int?) -> EmoBankSentence {
        EmoBankSentence(id: id, split: split, valence: valence, arousal: 3, dominance: 3, text: id, tokens: [id],
                        document: document, genre: genre, start: start, end: end)
    }

    static let sentences = [
        sentence("B_40_60", document: "B", split: .test, valence: 2, start: 40, end: 60),
        sentence("A_100_120", document: "A", valence: 4, start: 100, end: 120),
        sentence("SemEval_3", document: "SemEval_3", genre: "SemEval", start: nil, end: nil),
        sentence("A_0_50", document: "A", split: .dev, valence: 3.2, start: 0, end: 50),
        sentence("B_0_39", document: "B", valence: 2.5, start: 0, end: 39),
        sentence("A_51_99", document: "A", split: .test, valence: 1.5, start: 51, end: 99),
    ]

    @Test func groupsByDocumentInOffsetOrderAndDropsHeadlines() {
        let sequences = EmoBankNarratives.sequences(Self.sentences)
        #expect(sequences.map(\.narrative) == ["A", "B"])
        #expect(sequences[0].windows.map(\.id) == ["A_0_50", "A_51_99", "A_100_120"])
        #expect(sequences[0].windows.map(\.valence) == [3.2, 1.5, 4])
        #expect(sequences[1].windows.map(\.id) == ["B_0_39", "B_40_60"])
        #expect(sequences.allSatisfy { !$0.isChunked })
    }

    /// All sentences of a document share one split, whatever EmoBank's per-sentence split said.
    @Test func splitIsPerDocument() {
        let sequences = EmoBankNarratives.sequences(Self.sentences)
        let splits = EmoBankNarratives.documentSplits(["A": ("letters", 3), "B": ("letters", 2)])
        #expect(sequences.map(\.split) == [splits["A"]!, splits["B"]!])
    }

    /// 100 equal documents of one genre: exactly 10 test and 10 dev; renaming nothing keeps the assignment.
    @Test func splitProportionsAreEightyTenTen() {
        let documents = Dictionary(uniqueKeysWithValues: (0..<100).map { ("doc\($0)", (genre: "fiction", sentences: 5)) })
        let splits = EmoBankNarratives.documentSplits(documents)
        let counts = Dictionary(grouping: splits.values, by: { $0 }).mapValues(\.count)
        #expect(counts == [.train: 80, .dev: 10, .test: 10])
        #expect(EmoBankNarratives.documentSplits(documents) == splits)
    }

    /// Every genre is split on its own: two genres of 10 documents each give 1 test + 1 dev document each.
    @Test func splitIsStratifiedByGenre() {
        var documents: [String: (genre: String, sentences: Int)] = [:]
        for k in 0..<10 { documents["f\(k)"] = ("fiction", 4); documents["l\(k)"] = ("letters", 4) }
        let splits = EmoBankNarratives.documentSplits(documents)
        for prefix in ["f", "l"] {
            let own = splits.filter { $0.key.hasPrefix(prefix) }.values
            #expect(own.filter { $0 == .test }.count == 1 && own.filter { $0 == .dev }.count == 1)
        }
    }

    @Test func longDocumentsAreCutIntoFlaggedChunks() {
        let sequences = EmoBankNarratives.sequences(Self.sentences, maxWindows: 2)
        #expect(sequences.map(\.id) == ["A#0", "A#1", "B"])
        #expect(sequences[1].windows.map(\.id) == ["A_100_120"])
        #expect(sequences[0].isChunked && sequences[1].isChunked && !sequences[2].isChunked)
        #expect(sequences[0].part == 0 && sequences[1].part == 1)
    }

    @Test func fnvHashMatchesReferenceValue() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (Fowler–Noll–Vo reference test vector).
        #expect(EmoBankNarratives.hash("a") == 0xaf63_dc4c_8601_ec8c)
    }
}
