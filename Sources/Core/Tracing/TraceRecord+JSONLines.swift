// TraceRecord+JSONLines: a record to and from one line of JSON Lines (pure; the Generator writes the file).

import Foundation

extension TraceRecord {
    /// The record as one line of JSON, without the trailing newline. Keys are sorted so the same
    /// record always gives the same bytes. Throws `EncodingError` on a non-finite Float.
    public func jsonLineData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// `jsonLineData()` as a String.
    public func jsonLine() throws -> String {
        String(decoding: try jsonLineData(), as: UTF8.self)
    }

    /// Decodes one line (surrounding whitespace, including the newline, is ignored).
    public init(jsonLine data: Data) throws {
        self = try JSONDecoder().decode(TraceRecord.self, from: data)
    }

    public init(jsonLine line: String) throws {
        try self.init(jsonLine: Data(line.utf8))
    }

    /// Many records as JSON Lines text: one line each, every line ending in "\n".
    public static func jsonLines(_ records: [TraceRecord]) throws -> String {
        try records.map { try $0.jsonLine() + "\n" }.joined()
    }

    /// Parses JSON Lines text; blank lines are skipped. A bad line throws `AtlasError` naming
    /// `source` and the 1-based line number.
    public static func records(fromJSONLines text: String, source: String) throws -> [TraceRecord] {
        var records = [TraceRecord]()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            do {
                records.append(try TraceRecord(jsonLine: String(line)))
            } catch {
                throw AtlasError(source: source, line: index + 1, column: 1,
                                 message: "not a trace record: \(error)",
                                 hint: "each line must be one JSON object written by `atlas trace`",
                                 excerpt: AtlasError.excerpt(of: line))
            }
        }
        return records
    }
}
