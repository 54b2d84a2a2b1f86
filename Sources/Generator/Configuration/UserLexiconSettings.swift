// UserLexiconSettings: a lexicon the user brings (`validation.lexicons`), validated against beside Warriner and VADER.
import Core
import Foundation

/// ```yaml
/// validation:
///   lexicons:
///     - {name: nrc-vad, file: lexicons/nrc-vad.tsv, word_column: word, value_column: valence, neutral: 0.5}
/// ```
/// Every method × layer gets Spearman's ρ with |rating − neutral| (and the top-k tests) against it, as against
/// VADER. Paths are relative to the configuration file's folder.
struct UserLexiconSettings: Codable, Equatable, Sendable {
    var name: String
    var file: String
    /// csv or tsv (default: from the file's extension).
    var format: TabularFormat?
    var wordColumn: String = "word"
    var valueColumn: String = "valence"
    var neutral: Double
    /// Optional SHA-256 pin of the file.
    var sha256: String?
    /// The configuration file's folder; set when the configuration is loaded.
    var baseDirectory: String = "."

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, file, format, neutral, sha256
        case wordColumn = "word_column", valueColumn = "value_column"
    }

    var resolvedFormat: TabularFormat { format ?? (file.lowercased().hasSuffix(".tsv") || file.lowercased().hasSuffix(".txt") ? .tsv : .csv) }

    var path: String { ConfigurationPath.resolve(file, from: baseDirectory) }

    init(name: String, file: String, format: TabularFormat? = nil, wordColumn: String = "word",
         valueColumn: String = "valence", neutral: Double, sha256: String? = nil) {
        self.name = name
        self.file = file
        self.format = format
        self.wordColumn = wordColumn
        self.valueColumn = valueColumn
        self.neutral = neutral
        self.sha256 = sha256
    }

    init(from decoder: Decoder) throws {
        try rejectUnknownKeys(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        file = try c.decode(String.self, forKey: .file)
        if let formatName = try c.decodeIfPresent(String.self, forKey: .format) {
            guard let format = TabularFormat(rawValue: formatName), format != .jsonl else {
                throw DecodingError.dataCorruptedError(forKey: .format, in: c, debugDescription: "'\(formatName)' is not a lexicon format; the formats are csv, tsv")
            }
            self.format = format
        }
        wordColumn = try c.value(.wordColumn, or: "word")
        valueColumn = try c.value(.valueColumn, or: "valence")
        neutral = try c.decode(Double.self, forKey: .neutral)
        sha256 = try c.decodeIfPresent(String.self, forKey: .sha256)
    }

    /// A problem with the entry, as (field, message); nil when it is fine.
    func problem(among names: [String]) -> (field: String, message: String)? {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            return ("name", "'\(name)' must be letters, digits, '-' or '_'")
        }
        if LexiconKind(rawValue: name.lowercased()) != nil { return ("name", "'\(name)' is a built-in lexicon's name") }
        if names.filter({ $0 == name }).count > 1 { return ("name", "'\(name)' is used twice") }
        if let sha256, sha256.count != 64 || !sha256.allSatisfy(\.isHexDigit) { return ("sha256", "a SHA-256 is 64 hex digits") }
        return nil
    }
}

extension CorpusStore {
    /// A user lexicon, read and checked (against its pin when it has one).
    func loadUserLexicon(_ settings: UserLexiconSettings) throws -> Lexicon {
        let bytes = try readUserFile(settings.path, pin: settings.sha256, what: "lexicon file")
        return try Lexicon.parseTable(bytes, format: settings.resolvedFormat, source: settings.path, name: settings.name,
                                      wordColumn: settings.wordColumn, valueColumn: settings.valueColumn,
                                      neutral: settings.neutral)
    }
}
