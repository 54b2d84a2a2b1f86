// Vocabulary: word ↔ index, built deterministically from token lists and saved beside a checkpoint.

/// A closed word list with `<pad>` = 0 and `<unk>` = 1, then words by descending frequency,
/// ties broken by the word (Unicode scalar order).
///
/// Saved as JSON `{"isLowercased": true, "words": ["<pad>", "<unk>", …]}`.
public struct Vocabulary: Equatable, Codable, Sendable {
    public static let padToken = "<pad>"
    public static let unknownToken = "<unk>"
    public static let padIndex: Int32 = 0
    public static let unknownIndex: Int32 = 1

    /// Index → word; starts with `<pad>`, `<unk>`.
    public private(set) var words: [String]
    /// Whether tokens are lower-cased before lookup (and were when counting).
    public let isLowercased: Bool
    private var indices: [String: Int32]

    /// Counts every token of `tokenLists` (lower-cased when `lowercased`) and keeps those seen at
    /// least `minimumFrequency` times, most frequent first, at most `maximumSize` entries in all.
    public init(tokenLists: some Sequence<[String]>, minimumFrequency: Int = 1, lowercased: Bool = true,
                maximumSize: Int? = nil) {
        precondition(minimumFrequency >= 1, "minimumFrequency must be at least 1, got \(minimumFrequency)")
        var counts: [String: Int] = [:]
        for tokens in tokenLists {
            for token in tokens { counts[lowercased ? token.lowercased() : token, default: 0] += 1 }
        }
        counts[Self.padToken] = nil
        counts[Self.unknownToken] = nil
        var kept = counts.filter { $0.value >= minimumFrequency }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
            .map(\.key)
        if let maximumSize { kept = Array(kept.prefix(max(0, maximumSize - 2))) }
        self.init(uncheckedWords: [Self.padToken, Self.unknownToken] + kept, lowercased: lowercased)
    }

    private init(uncheckedWords words: [String], lowercased: Bool) {
        self.words = words
        self.isLowercased = lowercased
        self.indices = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, Int32($0)) })
    }

    /// This vocabulary followed by the words of `extra` it does not have yet (lower-cased when it is), in order:
    /// the existing words keep their indices.
    public func appending(_ extra: some Sequence<String>) -> Vocabulary {
        var words = self.words
        var seen = Set(words)
        for word in extra {
            let key = isLowercased ? word.lowercased() : word
            if seen.insert(key).inserted { words.append(key) }
        }
        return Vocabulary(uncheckedWords: words, lowercased: isLowercased)
    }

    /// Number of entries, `<pad>` and `<unk>` included.
    public var count: Int { words.count }

    /// The index of `token`, or `unknownIndex`.
    public func index(of token: String) -> Int32 {
        indices[isLowercased ? token.lowercased() : token] ?? Self.unknownIndex
    }

    public func contains(_ token: String) -> Bool { index(of: token) != Self.unknownIndex }

    /// The ids of `tokens`. An empty text is read as the one word `<unk>`: the model needs a position to pool,
    /// and "no known word" is what the unknown word means (the trace of such a text records no token).
    public func encode(_ tokens: [String]) -> [Int32] { tokens.isEmpty ? [Self.unknownIndex] : tokens.map(index(of:)) }

    /// Index → word; out-of-range indices decode to `<unk>`.
    public func decode(_ indices: [Int32]) -> [String] {
        indices.map { $0 >= 0 && Int($0) < words.count ? words[Int($0)] : Self.unknownToken }
    }

    // MARK: Codable

    private enum CodingKeys: String, CodingKey { case isLowercased, words }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let words = try container.decode([String].self, forKey: .words)
        let lowercased = try container.decode(Bool.self, forKey: .isLowercased)
        guard words.starts(with: [Self.padToken, Self.unknownToken]) else {
            throw DecodingError.dataCorruptedError(forKey: .words, in: container,
                debugDescription: "a vocabulary must start with \(Self.padToken), \(Self.unknownToken)")
        }
        guard Set(words).count == words.count else {
            throw DecodingError.dataCorruptedError(forKey: .words, in: container, debugDescription: "duplicate words")
        }
        self.init(uncheckedWords: words, lowercased: lowercased)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(isLowercased, forKey: .isLowercased)
        try container.encode(words, forKey: .words)
    }

    public static func == (a: Vocabulary, b: Vocabulary) -> Bool {
        a.words == b.words && a.isLowercased == b.isLowercased
    }
}
