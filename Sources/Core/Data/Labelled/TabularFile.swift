// TabularFile: the rows of a user's corpus file (CSV, TSV, or JSON Lines as Hugging Face datasets write them),
// each a mapping from field name to text that remembers its line.
import Foundation

/// The file formats a user corpus may come in.
public enum TabularFormat: String, Codable, CaseIterable, Sendable {
    case csv, tsv, jsonl
}

/// One row: its 1-based line (the line its record starts on) and its fields as text. A JSON number keeps its
/// text, a JSON array of numbers becomes the numbers separated by spaces, `null` is left out.
public struct TabularRow: Equatable, Sendable {
    public var line: Int
    public var fields: [String: String]

    public init(line: Int, fields: [String: String]) {
        self.line = line
        self.fields = fields
    }
}

public enum TabularFile {
    /// Every row of `bytes` (strict UTF-8; CSV and TSV have a header row naming the fields).
    /// Errors name `source` and the line: invalid UTF-8, a CSV quoting error, a row with more or fewer fields
    /// than the header, a repeated header name, a JSON line that is not an object.
    public static func rows(_ bytes: [UInt8], format: TabularFormat, source: String) throws -> [TabularRow] {
        let text = try TextLines.decode(bytes, source: source)
        switch format {
        case .csv: return try delimited(text, separator: ",", source: source)
        case .tsv: return try delimited(text, separator: "\t", source: source)
        case .jsonl: return try jsonLines(text, source: source)
        }
    }

    static func delimited(_ text: String, separator: Unicode.Scalar, source: String) throws -> [TabularRow] {
        let records = try CSVParser.parse(text, source: source, separator: separator)
        guard let header = records.first else { return [] }
        var seen = Set<String>()
        for name in header.fields where !seen.insert(name).inserted {
            throw AtlasError(source: source, line: header.line, message: "the header names the field '\(name)' twice",
                             hint: "give every column its own name")
        }
        return try records.dropFirst().map { record in
            guard record.fields.count == header.fields.count else {
                // The row as the file has it (its first line), not its fields joined again: quotes and all.
                let line = TextLines.split(text)[safe: record.line - 1] ?? ""
                throw AtlasError(source: source, line: record.line,
                                 message: "\(record.fields.count) fields where the header has \(header.fields.count)",
                                 hint: "quote a field that holds the separator, and give every row one value per column",
                                 excerpt: AtlasError.excerpt(of: line))
            }
            return TabularRow(line: record.line, fields: Dictionary(uniqueKeysWithValues: zip(header.fields, record.fields)))
        }
    }

    static func jsonLines(_ text: String, source: String) throws -> [TabularRow] {
        var rows: [TabularRow] = []
        for (index, line) in TextLines.split(text).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let number = index + 1
            func fail(_ message: String) -> AtlasError {
                AtlasError(source: source, line: number, message: message,
                           hint: "write one JSON object per line, e.g. {\"text\": \"…\", \"label\": 1}",
                           excerpt: AtlasError.excerpt(of: line))
            }
            let object: [String: JSONField]
            do { object = try JSONDecoder().decode([String: JSONField].self, from: Data(line.utf8)) } catch {
                throw fail(jsonProblem(error))
            }
            rows.append(TabularRow(line: number, fields: object.compactMapValues(\.text)))
        }
        return rows
    }
}

/// A JSON Lines field: text, a number (kept as it reads: 3, not 3.0), true/false, null, or a list of numbers.
struct JSONField: Decodable {
    var text: String?

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { text = nil }
        else if let bool = try? c.decode(Bool.self) { text = bool ? "true" : "false" }
        else if let number = try? c.decode(Double.self) { text = Self.text(of: number) }
        else if let string = try? c.decode(String.self) { text = string }
        else if let list = try? c.decode([Double].self) { text = list.map(Self.text).joined(separator: " ") }
        else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "a field holds a JSON object or a list of "
                                                   + "non-numbers; use text, a number or a list of numbers")
        }
    }

    static func text(of number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}

/// The part of a JSON decoding error a user can act on.
private func jsonProblem(_ error: Error) -> String {
    switch error {
    case DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty: "not a JSON object"
    case DecodingError.dataCorrupted(let context):
        if let key = context.codingPath.first?.stringValue { "field '\(key)': " + context.debugDescription }
        else { "not valid JSON" }
    default: "not valid JSON"
    }
}
