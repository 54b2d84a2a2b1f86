// VocabularyTests: order (pad, unk, frequency, ties by word), cut-off, lower-casing, coding and JSON.
import Foundation
import Testing
@testable import Core

@Suite struct VocabularyTests {
    static let lists = [["The", "film", "is", "good"], ["the", "film", "bores"], ["a", "good", "FILM"]]

    @Test func ordersByFrequencyThenWord() {
        let vocabulary = Vocabulary(tokenLists: Self.lists)
        // film 3; good 2, the 2; a 1, bores 1, is 1.
        #expect(vocabulary.words == ["<pad>", "<unk>", "film", "good", "the", "a", "bores", "is"])
        #expect(vocabulary.encode(["The", "unseen", "FILM"]) == [4, 1, 2])
        #expect(vocabulary.decode([2, 0, 1, 99]) == ["film", "<pad>", "<unk>", "<unk>"])
    }

    @Test func minimumFrequencyAndMaximumSize() {
        #expect(Vocabulary(tokenLists: Self.lists, minimumFrequency: 2).words == ["<pad>", "<unk>", "film", "good", "the"])
        #expect(Vocabulary(tokenLists: Self.lists, maximumSize: 3).words == ["<pad>", "<unk>", "film"])
    }

    @Test func appendingKeepsIndicesAndSkipsKnownWords() {
        let vocabulary = Vocabulary(tokenLists: Self.lists)
        let extended = vocabulary.appending(["Zebra", "film", "the", "yak", "zebra"])
        #expect(extended.words == vocabulary.words + ["zebra", "yak"])
        #expect(extended.encode(["film", "ZEBRA", "yak"]) == [2, 8, 9])
    }

    @Test func caseSensitiveOption() {
        let vocabulary = Vocabulary(tokenLists: Self.lists, lowercased: false)
        #expect(vocabulary.words.prefix(4) == ["<pad>", "<unk>", "film", "good"])
        #expect(vocabulary.contains("FILM") && vocabulary.contains("The") && !vocabulary.contains("THE"))
        #expect(vocabulary.count == 10)
    }

    @Test func sameInputSameVocabularyRegardlessOfOrder() {
        #expect(Vocabulary(tokenLists: Self.lists) == Vocabulary(tokenLists: Self.lists.reversed()))
    }

    @Test func roundTripsThroughJSON() throws {
        let vocabulary = Vocabulary(tokenLists: Self.lists)
        let data = try JSONEncoder().encode(vocabulary)
        let decoded = try JSONDecoder().decode(Vocabulary.self, from: data)
        #expect(decoded == vocabulary)
        #expect(decoded.encode(["good"]) == [3])
    }

    @Test func rejectsJSONWithoutSpecialTokens() {
        let json = Data(#"{"isLowercased": true, "words": ["film", "<pad>"]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Vocabulary.self, from: json) }
        let duplicate = Data(#"{"isLowercased": true, "words": ["<pad>", "<unk>", "a", "a"]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Vocabulary.self, from: duplicate) }
    }
}
