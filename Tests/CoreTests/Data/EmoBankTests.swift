// EmoBankTests: the CSV + meta join on a fixture, each bad record, and the real split sizes.
import Testing
@testable import Core

@Suite struct EmoBankTests {
    static let meta = Array("id\tdocument\tcategory\tsubcategory\nd_1_9\td\tblog\t \n".utf8)

    static func parse(_ csv: String) throws -> [EmoBankSentence] {
        try EmoBankParser.parse(csv: Array(csv.utf8), csvSource: "e.csv", meta: meta, metaSource: "meta.tsv")
    }

    @Test func parsesFixture() throws {
        let sentences = try EmoBankParser.parse(csv: try CorpusFiles.fixture("emobank-small.csv"), csvSource: "e.csv",
                                                meta: try CorpusFiles.fixture("emobank-meta.tsv"), metaSource: "m.tsv")
        #expect(sentences.count == 3)
        #expect(sentences[0] == EmoBankSentence(
            id: "doc_A_0_20", split: .train, valence: 3.0, arousal: 3.0, dominance: 3.2,
            text: "Remember what she said? \"", tokens: ["Remember", "what", "she", "said", "?", "''"],
            document: "doc_A", genre: "letters", start: 0, end: 20))
        #expect(sentences[1].text == "Hello, world.")
        #expect(sentences[1].tokens == ["Hello", ",", "world", "."])
        #expect(sentences[1].split == .dev)
        #expect(sentences[2].genre == "SemEval")
        #expect(sentences[2].start == nil && sentences[2].end == nil)
        #expect(sentences[2].valence == 4.6 && sentences[2].arousal == 1.2 && sentences[2].dominance == 3)
    }

    @Test(arguments: [
        ("d_1_9,train,3,3,3,a,b", "expected 6 fields (id,split,V,A,D,text), found 7", "quote a text that contains commas or quotes"),
        ("d_1_9,train,3,3", "expected 6 fields (id,split,V,A,D,text), found 4", "quote a text that contains commas or quotes"),
        ("d_1_9,train,high,3,3,a", "non-numeric rating V 'high'", nil),
        ("d_1_9,train,3,5.5,3,a", "rating A = 5.5 outside 1–5", nil),
        ("d_1_9,train,3,3,0.9,a", "rating D = 0.9 outside 1–5", nil),
        ("d_1_9,valid,3,3,3,a", "unknown split 'valid'", "use train, dev or test"),
        ("x_1_2,train,3,3,3,a", "id 'x_1_2' is missing from meta.tsv", "use the meta.tsv that belongs to this emobank.csv"),
    ] as [(String, String, String?)])
    func rejectsBadRecord(record: String, message: String, hint: String?) {
        #expect(throws: AtlasError(source: "e.csv", line: 3, message: message, hint: hint, excerpt: record)) {
            try Self.parse("id,split,V,A,D,text\nd_1_9,dev,3,3,3,fine\n" + record + "\n")
        }
    }

    @Test func rejectsWrongHeader() {
        #expect(throws: AtlasError(source: "e.csv", line: 1, message: "unexpected header",
                                   hint: "expected id,split,V,A,D,text", excerpt: "id,V,A,D,text")) {
            try Self.parse("id,V,A,D,text\n")
        }
    }

    @Test func offsetsFromID() {
        #expect(EmoBankParser.offsets(id: "A_defense_of_Michael_Moore_12_42", document: "A_defense_of_Michael_Moore") == (12, 42))
        #expect(EmoBankParser.offsets(id: "SemEval_17", document: "SemEval") == (nil, nil))
    }

    @Test func realCorpusHasStandardSplits() throws {
        let sentences = try EmoBankParser.parse(csv: try CorpusFiles.shared("emobank/emobank.csv"), csvSource: "emobank.csv",
                                                meta: try CorpusFiles.shared("emobank/meta.tsv"), metaSource: "meta.tsv")
        let sizes = Dictionary(grouping: sentences, by: \.split).mapValues(\.count)
        #expect(sizes == [.train: 8_062, .dev: 1_000, .test: 1_000])
        #expect(sentences.filter { $0.start != nil }.count == 10_062 - 1_192)
        let moore = sentences.first { $0.id == "A_defense_of_Michael_Moore_1006_1148" }
        #expect(moore?.document == "A_defense_of_Michael_Moore" && moore?.start == 1006 && moore?.end == 1148)
    }
}
