// SSTParserTests: SST tree parsing on a hand-written fixture, every malformed-line case, and the real splits.
import Testing
@testable import Core

@Suite struct SSTParserTests {
    static let hint = "each line must be one tree: (label word) or (label child child …), labels 0–4"

    @Test func parsesFixtureTreesTokensAndPhrases() throws {
        let sentences = try SSTParser.parse(try CorpusFiles.fixture("sst-small.txt"), source: "sst-small.txt")
        #expect(sentences.count == 3)
        let first = sentences[0]
        #expect(first.label == 3)
        #expect(first.tokens == ["The", "(", "is", "great", ")"])
        // Pre-order: root, (The -LRB-), The, -LRB-, (is great -RRB-), (is great), is, great, -RRB-
        #expect(first.phrases == [
            SSTPhrase(tokenRange: 0..<5, label: 3), SSTPhrase(tokenRange: 0..<2, label: 2),
            SSTPhrase(tokenRange: 0..<1, label: 2), SSTPhrase(tokenRange: 1..<2, label: 2),
            SSTPhrase(tokenRange: 2..<5, label: 3), SSTPhrase(tokenRange: 2..<4, label: 3),
            SSTPhrase(tokenRange: 2..<3, label: 2), SSTPhrase(tokenRange: 3..<4, label: 4),
            SSTPhrase(tokenRange: 4..<5, label: 2),
        ])
        #expect(first.root.children[1].children[0].children[1] == SSTNode(label: 4, word: "great"))
        #expect(sentences[1].tokens == ["writer/director", "ca", "n't"])
        #expect(sentences[1].label == 1)
        // A no-break space inside a leaf is part of the word, and \* is undone.
        #expect(sentences[2].tokens == ["8\u{00A0}1/2", "*"])
    }

    @Test(arguments: [("-LRB-", "("), ("-RRB-", ")"), ("-LSB-", "["), ("-RSB-", "]"), ("-LCB-", "{"),
                      ("-RCB-", "}"), ("a\\/b", "a/b"), ("\\*\\*", "**"), ("plain", "plain")])
    func unescapes(escaped: String, plain: String) {
        #expect(SSTParser.unescape(escaped[...]) == plain)
    }

    static let badLines: [(String, Int, String)] = [
        ("(3 (2 a) (2 b)", 15, "unbalanced parentheses: missing ')' after the children"),
        ("(3 (2 a) (2 b)))", 16, "unbalanced parentheses: unexpected ')'"),
        ("(2 a", 5, "unbalanced parentheses: missing ')' after the leaf word"),
        ("(5 (2 a) (2 b))", 2, "label '5' out of range 0–4"),
        ("(3 (x a) (2 b))", 5, "label 'x' out of range 0–4"),
        ("(3 (-1 a) (2 b))", 5, "label '-1' out of range 0–4"),
        ("", 1, "empty tree"),
        ("(2 )", 4, "empty tree: node has neither a word nor children"),
        ("(2 a b)", 6, "expected ')' after the leaf word"),
        ("(2 a) (2 b)", 7, "unexpected text after the tree's closing ')'"),
    ]

    @Test(arguments: badLines)
    func rejectsMalformedLine(line: String, column: Int, message: String) {
        let text = "(2 ok)\n" + line + "\n(2 fine)\n"
        #expect(throws: AtlasError(source: "t.txt", line: 2, column: column, message: message,
                                   hint: Self.hint, excerpt: line)) {
            try SSTParser.parse(Array(text.utf8), source: "t.txt")
        }
    }

    @Test func rejectsInvalidUTF8WithLineAndColumn() {
        let bytes = Array("(2 ok)\n(2 caf".utf8) + [0xC3, 0x28] + Array(")\n".utf8)
        #expect(throws: AtlasError(source: "t.txt", line: 2, column: 7, message: "invalid UTF-8 (1 bad byte(s))",
                                   hint: "re-save the file as UTF-8", excerpt: "(2 caf\u{FFFD}()")) {
            try SSTParser.parse(bytes, source: "t.txt")
        }
    }

    @Test func realSplitsHaveStandardSizes() throws {
        #expect(try CorpusFiles.sstTrain.get().count == 8_544)
        #expect(try SSTParser.parse(try CorpusFiles.shared("sst/dev.txt"), source: "dev.txt").count == 1_101)
        #expect(try SSTParser.parse(try CorpusFiles.shared("sst/test.txt"), source: "test.txt").count == 2_210)
    }
}
