// TextLines: decodes UTF-8 bytes into lines, reporting invalid UTF-8 as file:line:column.

/// Strict UTF-8 decoding shared by every corpus and lexicon parser.
public enum TextLines {
    /// Decodes `bytes` as UTF-8 (a leading byte-order mark is dropped).
    ///
    /// Throws `AtlasError` at the first invalid sequence with its 1-based line and byte column.
    public static func decode(_ bytes: [UInt8], source: String) throws -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let text = String(validating: body, as: UTF8.self) { return text }
        throw invalidUTF8Error(body, source: source)
    }

    /// Splits `text` at LF (a CR before it is dropped), keeping empty lines; a final newline
    /// does not make an extra empty line.
    public static func split(_ text: String) -> [Substring] {
        var lines = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { bytes in
            var line = Substring(bytes)
            if line.utf8.last == 13 { line = Substring(line.utf8.dropLast()) }
            return line
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// `decode` then `split`.
    public static func lines(_ bytes: [UInt8], source: String) throws -> [Substring] {
        split(try decode(bytes, source: source))
    }

    private static func invalidUTF8Error(_ bytes: ArraySlice<UInt8>, source: String) -> AtlasError {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1, column = 1, offset = bytes.startIndex, lineStart = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1 && scalar.first == 10 {
                    line += 1; column = 1; lineStart = offset + 1
                } else {
                    column += scalar.count
                }
                offset += scalar.count
            case .error(let length):
                let lineEnd = bytes[offset...].firstIndex(of: 10) ?? bytes.endIndex
                let excerpt = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
                return AtlasError(source: source, line: line, column: column,
                                  message: "invalid UTF-8 (\(length) bad byte(s))",
                                  hint: "re-save the file as UTF-8",
                                  excerpt: AtlasError.excerpt(of: excerpt[...]))
            case .emptyInput:
                return AtlasError(source: source, message: "invalid UTF-8")
            }
        }
    }
}
