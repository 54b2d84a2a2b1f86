// WordPiece: the BERT tokeniser read from a Hugging Face tokenizer.json (normaliser, pre-tokeniser, greedy word pieces, [CLS]/[SEP]).
import Foundation

/// BERT's WordPiece tokeniser (Wu et al. 2016; Devlin et al. 2019), as Hugging Face `tokenizers`
/// runs it for `BertNormalizer` + `BertPreTokenizer` + `WordPiece` + the `[CLS] A [SEP]` template:
///
/// 1. Normalise (per Unicode scalar): drop NUL, U+FFFD and other control/format/unassigned scalars,
///    map whitespace to a space (`clean_text`); put spaces around CJK ideographs
///    (`handle_chinese_chars`); NFD and drop non-spacing marks (`strip_accents`, which defaults to
///    `lowercase` when null); lower-case.
/// 2. Pre-tokenise: split on whitespace, then isolate every punctuation scalar (ASCII punctuation
///    or Unicode category P*).
/// 3. Each word longer than `max_input_chars_per_word` scalars becomes `[UNK]`; otherwise it is cut
///    greedily into the longest vocabulary pieces from the left, continuation pieces prefixed
///    `##`; if some remainder has no piece, the whole word becomes `[UNK]`.
/// 4. `[CLS]` pieces `[SEP]`, keeping at most `maxLength − 2` pieces (`isTruncated` says when some were cut).
public struct WordPieceTokenizer: Sendable {
    public let vocabulary: [String: Int32]
    /// id → piece.
    public let pieces: [String]
    public let lowercase: Bool
    public let stripAccents: Bool
    public let cleanText: Bool
    public let handleChineseCharacters: Bool
    public let continuingPrefix: String
    public let maxInputCharactersPerWord: Int
    public let unknownID: Int32
    public let classID: Int32
    public let separatorID: Int32

    /// Reads `tokenizer.json` (Hugging Face `tokenizers` format). `source` names the file in errors;
    /// anything other than BertNormalizer / BertPreTokenizer / WordPiece is refused by name.
    public init(tokenizerJSON data: Data, source: String) throws {
        func refuse(_ message: String) -> AtlasError {
            AtlasError(source: source, message: message,
                       hint: "only BERT WordPiece tokenisers (BertNormalizer, BertPreTokenizer, WordPiece) are supported")
        }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw AtlasError(source: source, message: "tokenizer.json is not a JSON object")
        }
        guard let model = root["model"] as? [String: Any], let vocabulary = model["vocab"] as? [String: Int] else {
            throw refuse("tokenizer.json has no model.vocab")
        }
        guard (model["type"] as? String) == "WordPiece" else {
            throw refuse("model type \"\(model["type"] as? String ?? "none")\" is not supported")
        }
        let normalizer = root["normalizer"] as? [String: Any] ?? [:]
        guard (normalizer["type"] as? String) == "BertNormalizer" else {
            throw refuse("normalizer \"\(normalizer["type"] as? String ?? "none")\" is not supported")
        }
        let preTokenizer = root["pre_tokenizer"] as? [String: Any] ?? [:]
        guard (preTokenizer["type"] as? String) == "BertPreTokenizer" else {
            throw refuse("pre_tokenizer \"\(preTokenizer["type"] as? String ?? "none")\" is not supported")
        }
        lowercase = normalizer["lowercase"] as? Bool ?? true
        stripAccents = normalizer["strip_accents"] as? Bool ?? lowercase
        cleanText = normalizer["clean_text"] as? Bool ?? true
        handleChineseCharacters = normalizer["handle_chinese_chars"] as? Bool ?? true
        continuingPrefix = model["continuing_subword_prefix"] as? String ?? "##"
        maxInputCharactersPerWord = model["max_input_chars_per_word"] as? Int ?? 100
        let unknown = model["unk_token"] as? String ?? "[UNK]"
        var pieces = [String](repeating: "", count: (vocabulary.values.max() ?? -1) + 1)
        for (piece, id) in vocabulary {
            guard id >= 0 else { throw refuse("piece \"\(piece)\" has negative id \(id)") }
            pieces[id] = piece
        }
        func id(_ piece: String) throws -> Int32 {
            guard let id = vocabulary[piece] else { throw refuse("the vocabulary has no \(piece)") }
            return Int32(id)
        }
        unknownID = try id(unknown)
        classID = try id("[CLS]")
        separatorID = try id("[SEP]")
        self.vocabulary = vocabulary.mapValues { Int32($0) }
        self.pieces = pieces
    }

    // MARK: - Steps

    /// Step 1: the normalised text.
    public func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            if cleanText {
                if c.value == 0 || c.value == 0xFFFD || Self.isControl(c) { continue }
                if Self.isWhitespace(c) { scalars.append(" "); continue }
            }
            if handleChineseCharacters && Self.isChinese(c) {
                scalars.append(" "); scalars.append(c); scalars.append(" ")
            } else {
                scalars.append(c)
            }
        }
        var result = String(scalars)
        if stripAccents {
            result = String(String.UnicodeScalarView(result.decomposedStringWithCanonicalMapping.unicodeScalars
                .filter { $0.properties.generalCategory != .nonspacingMark }))
        }
        return lowercase ? result.lowercased() : result
    }

    /// Step 2: words of normalised text (whitespace removed, each punctuation scalar its own word).
    public func preTokenize(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
        }
        for c in text.unicodeScalars {
            if Self.isWhitespace(c) {
                flush()
            } else if Self.isPunctuation(c) {
                flush()
                words.append(String(c))
            } else {
                current.append(c)
            }
        }
        flush()
        return words
    }

    /// Step 3: the ids of one pre-tokenised word.
    public func wordPieceIDs(_ word: String) -> [Int32] {
        let scalars = Array(word.unicodeScalars)
        if scalars.count > maxInputCharactersPerWord { return [unknownID] }
        var ids: [Int32] = []
        var start = 0
        while start < scalars.count {
            var end = scalars.count
            var found: Int32?
            while start < end {
                var piece = String(String.UnicodeScalarView(scalars[start..<end]))
                if start > 0 { piece = continuingPrefix + piece }
                if let id = vocabulary[piece] { found = id; break }
                end -= 1
            }
            guard let found else { return [unknownID] }
            ids.append(found)
            start = end
        }
        return ids
    }

    // MARK: - Encoding

    /// Tokenises `text` as one sequence: `[CLS]` pieces `[SEP]`, at most `maxLength` ids in all.
    public func encode(_ text: String, maxLength: Int = 128) -> WordPieceEncoding {
        encode(words: [text], maxLength: maxLength, unescapingTreebank: false)
    }

    /// Tokenises a pre-tokenised sentence (e.g. SST's PTB tokens), remembering which word each piece
    /// came from, so that token scores can be summed per word (`WordPieceEncoding.wordScores`).
    ///
    /// Because BERT's pre-tokeniser splits on whitespace first and normalises scalar by scalar,
    /// tokenising each word alone gives exactly the pieces of tokenising the words joined by spaces.
    /// With `unescapingTreebank`, PTB escapes are mapped back first: -LRB- ( -RRB- ) -LSB- [ -RSB- ]
    /// -LCB- { -RCB- } and `` '' → ", and inside words \\/ → / and \\* → *.
    public func encode(words: [String], maxLength: Int = 128, unescapingTreebank: Bool = true) -> WordPieceEncoding {
        precondition(maxLength >= 2, "maxLength \(maxLength) leaves no room for [CLS] and [SEP]")
        var ids: [Int32] = [classID]
        var wordIndices: [Int?] = [nil]
        var isTruncated = false
        words: for (index, word) in words.enumerated() {
            let text = unescapingTreebank ? Self.unescapingTreebank(word) : word
            for piece in preTokenize(normalize(text)) {
                for id in wordPieceIDs(piece) {
                    if ids.count == maxLength - 1 { isTruncated = true; break words }
                    ids.append(id)
                    wordIndices.append(index)
                }
            }
        }
        ids.append(separatorID)
        wordIndices.append(nil)
        return WordPieceEncoding(ids: ids, pieces: ids.map { pieces[Int($0)] }, wordIndices: wordIndices,
                                 wordCount: words.count, isTruncated: isTruncated)
    }

    static let treebankUnescapes = ["-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{",
                                    "-RCB-": "}", "``": "\"", "''": "\""]

    /// A PTB token as plain text: the bracket and quote escapes above, and `\/` → `/`, `\*` → `*`.
    static func unescapingTreebank(_ word: String) -> String {
        if let plain = treebankUnescapes[word] { return plain }
        guard word.contains("\\") else { return word }
        return word.replacingOccurrences(of: "\\/", with: "/").replacingOccurrences(of: "\\*", with: "*")
    }

    // MARK: - Character classes (as in tokenizers' bert normaliser and pre-tokeniser)

    /// Tab, newline and carriage return count as whitespace, not control.
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c == "\t" || c == "\n" || c == "\r" || c.properties.isWhitespace
    }

    /// Categories Cc, Cf, Cs, Co, Cn, except tab, newline and carriage return.
    static func isControl(_ c: Unicode.Scalar) -> Bool {
        if c == "\t" || c == "\n" || c == "\r" { return false }
        switch c.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    /// ASCII punctuation (which includes $ + < = > ^ ` | ~) or Unicode category P*.
    static func isPunctuation(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v)
        }
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// The CJK Unified Ideographs blocks BERT pads with spaces.
    static func isChinese(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
             0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F: return true
        default: return false
        }
    }
}

/// The ids of one tokenised sequence, with the word each piece came from.
public struct WordPieceEncoding: Equatable, Sendable {
    /// `[CLS]` pieces `[SEP]`.
    public var ids: [Int32]
    public var pieces: [String]
    /// For each id, the index of the input word it came from; nil for `[CLS]` and `[SEP]`.
    public var wordIndices: [Int?]
    /// The number of input words.
    public var wordCount: Int
    /// True when pieces were cut to fit `maxLength`.
    public var isTruncated: Bool

    /// Per-word scores: word w gets the SUM of the scores of its pieces (so a method's total mass
    /// over the words equals its mass over the real pieces). `[CLS]` and `[SEP]` belong to no word
    /// and are left out; a word with no piece (cut by truncation, or empty after normalisation) scores 0.
    public func wordScores(_ tokenScores: [Float]) -> [Float] {
        precondition(tokenScores.count == ids.count, "\(tokenScores.count) scores for \(ids.count) tokens")
        var scores = [Float](repeating: 0, count: wordCount)
        for (score, word) in zip(tokenScores, wordIndices) {
            if let word { scores[word] += score }
        }
        return scores
    }
}
