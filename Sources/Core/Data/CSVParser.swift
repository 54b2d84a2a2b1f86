// CSVParser: a small RFC 4180 reader that remembers the line each record starts on.
//
// SwiftCSV does not report where a bad record is, and the issue asks for `file:line`, so this
// parser is our own: quoted fields may hold the separator, doubled quotes and line breaks.

/// One CSV record and the 1-based line it starts on.
public struct CSVRecord: Equatable, Sendable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

public enum CSVParser {
    /// Parses `text` into records (header included). Line ends are LF or CRLF; a final line end
    /// is optional; blank lines are skipped.
    ///
    /// Errors: a quote inside an unquoted field, text after a closing quote, an unterminated
    /// quoted field.
    public static func parse(_ text: String, source: String, separator: Unicode.Scalar = ",") throws -> [CSVRecord] {
        let bytes = Array(text.utf8)
        let sep = UInt8(separator.value)
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1, lineStart = 0
        var index = 0
        var inQuotes = false, wasQuoted = false, recordHasContent = false

        func fail(_ message: String, at position: Int, line: Int, lineStart: Int) -> AtlasError {
            let end = bytes[lineStart...].firstIndex(of: lf) ?? bytes.endIndex
            let lineText = String(decoding: bytes[lineStart..<end], as: UTF8.self)
            let column = String(decoding: bytes[lineStart..<min(position, end)], as: UTF8.self).count + 1
            return AtlasError(source: source, line: line, column: column, message: message,
                              hint: "quote a field that holds \(separator.escaped(asASCII: true)), quotes or line breaks, and double the quotes inside it",
                              excerpt: AtlasError.excerpt(of: lineText.trimmingSuffixCR()[...]))
        }
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if recordHasContent || fields.count > 1 || !fields[0].isEmpty {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields.removeAll()
            recordHasContent = false
        }

        var quoteStart = (line: 1, lineStart: 0, position: 0)
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote {
                        field.append(quote); index += 2; continue
                    }
                    inQuotes = false
                } else {
                    if byte == lf { line += 1; lineStart = index + 1 }
                    field.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case quote:
                guard field.isEmpty, !wasQuoted else {
                    throw fail(wasQuoted ? "stray quote after a quoted field" : "quote inside an unquoted field",
                               at: index, line: line, lineStart: lineStart)
                }
                inQuotes = true; wasQuoted = true; recordHasContent = true
                quoteStart = (line, lineStart, index)
            case sep:
                endField(); recordHasContent = true
            case cr where index + 1 < bytes.count && bytes[index + 1] == lf:
                break
            case lf:
                endRecord(); line += 1; lineStart = index + 1; recordLine = line
            default:
                if wasQuoted {
                    throw fail("text after a closing quote", at: index, line: line, lineStart: lineStart)
                }
                field.append(byte)
            }
            index += 1
        }
        if inQuotes {
            throw fail("unterminated quoted field", at: quoteStart.position, line: quoteStart.line,
                       lineStart: quoteStart.lineStart)
        }
        if recordHasContent || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}

private extension String {
    func trimmingSuffixCR() -> String { hasSuffix("\r") ? String(dropLast()) : self }
}
