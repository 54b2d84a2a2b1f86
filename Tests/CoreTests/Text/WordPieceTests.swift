// WordPieceTests: normalisation, pre-tokenisation, greedy pieces, truncation and per-word sums on a tiny vocabulary.
import Foundation
import Testing
@testable import Core

@Suite struct WordPieceTests {
    static let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "movie", "un", "##believ", "##ab",
                             "##ly", "good", "!", "'", "s", "cafe", "(", ")", "n", "##t", "中", "\"", "bad", "##a"]

    static func tokenizerJSON(normalizer: String = #"{"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true, "strip_accents": null, "lowercase": true}"#,
                              model: String = "WordPiece", maxCharacters: Int = 100) -> Data {
        let vocab = vocabulary.enumerated().map { "\"\($1.replacingOccurrences(of: "\"", with: "\\\""))\": \($0)" }
        return Data("""
        {"normalizer": \(normalizer), "pre_tokenizer": {"type": "BertPreTokenizer"},
         "model": {"type": "\(model)", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                   "max_input_chars_per_word": \(maxCharacters), "vocab": {\(vocab.joined(separator: ", "))}}}
        """.utf8)
    }

    static func tokenizer(maxCharacters: Int = 100) -> WordPieceTokenizer {
        try! WordPieceTokenizer(tokenizerJSON: tokenizerJSON(maxCharacters: maxCharacters), source: "tokenizer.json")
    }

    @Test func normalizesLikeBertNormalizer() {
        let t = Self.tokenizer()
        #expect(t.normalize("Café\tMOVIE\u{0}\u{200B}!") == "cafe movie!")  // NUL and ZWSP (Cf) dropped
        #expect(t.normalize("a中b") == "a 中 b")
        #expect(t.normalize("Ñandú\u{00A0}x") == "nandu x")  // NBSP is whitespace
    }

    @Test func preTokenizesOnWhitespaceAndPunctuation() {
        let t = Self.tokenizer()
        #expect(t.preTokenize("the movie's good!!  (really)") == ["the", "movie", "'", "s", "good", "!", "!", "(", "really", ")"])
        #expect(t.preTokenize("a$b+c~d") == ["a", "$", "b", "+", "c", "~", "d"])  // ASCII symbols count as punctuation
        #expect(t.preTokenize("x—y«z") == ["x", "—", "y", "«", "z"])
    }

    @Test func cutsGreedilyIntoLongestPieces() {
        let t = Self.tokenizer()
        #expect(t.wordPieceIDs("unbelievably") == [6, 7, 8, 9])   // un ##believ ##ab ##ly (not ##a: longest first)
        #expect(t.wordPieceIDs("unbelievx") == [1])               // a remainder without a piece → [UNK] for the word
        #expect(t.wordPieceIDs("movie") == [5])
        #expect(Self.tokenizer(maxCharacters: 4).wordPieceIDs("movie") == [1])  // longer than the limit
    }

    @Test func encodesWithSpecialTokensAndTruncates() {
        let t = Self.tokenizer()
        let full = t.encode("The movie's unbelievably good!")
        #expect(full.pieces == ["[CLS]", "the", "movie", "'", "s", "un", "##believ", "##ab", "##ly", "good", "!", "[SEP]"])
        #expect(!full.isTruncated)
        let cut = t.encode("The movie's unbelievably good!", maxLength: 6)
        #expect(cut.pieces == ["[CLS]", "the", "movie", "'", "s", "[SEP]"])
        #expect(cut.isTruncated)
        #expect(t.encode("the movie", maxLength: 4).isTruncated == false)
    }

    @Test func mapsPiecesToTreebankWordsAndSumsScores() {
        let t = Self.tokenizer()
        let words = ["-LRB-", "unbelievably", "good", "-RRB-", "``", "bad", "''", "\u{0}"]
        let encoding = t.encode(words: words)
        #expect(encoding.pieces == ["[CLS]", "(", "un", "##believ", "##ab", "##ly", "good", ")", "\"", "bad", "\"", "[SEP]"])
        #expect(encoding.wordIndices == [nil, 0, 1, 1, 1, 1, 2, 3, 4, 5, 6, nil])
        let scores = (0..<encoding.ids.count).map { Float($0) }
        // Word 1 gets 2 + 3 + 4 + 5; [CLS] and [SEP] belong to no word; the NUL word has no piece.
        #expect(encoding.wordScores(scores) == [1, 14, 6, 7, 8, 9, 10, 0])
        #expect(t.encode(words: ["good\\/bad", "\\*"]).pieces == ["[CLS]", "good", "[UNK]", "bad", "[UNK]", "[SEP]"])
        #expect(t.encode(words: ["good\\/bad"], unescapingTreebank: false).pieces
                == ["[CLS]", "good", "[UNK]", "[UNK]", "bad", "[SEP]"])
        // Tokenising the words one by one equals tokenising the joined sentence.
        #expect(t.encode(words: ["the", "movie's", "good"]).ids == t.encode("the movie's good").ids)
    }

    @Test func refusesOtherTokenizers() {
        #expect(throws: AtlasError.self) {
            try WordPieceTokenizer(tokenizerJSON: Self.tokenizerJSON(model: "BPE"), source: "t")
        }
        #expect(throws: AtlasError.self) {
            try WordPieceTokenizer(tokenizerJSON: Self.tokenizerJSON(normalizer: #"{"type": "NFKC"}"#), source: "t")
        }
    }
}
