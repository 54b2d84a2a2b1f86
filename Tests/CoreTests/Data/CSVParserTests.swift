// CSVParserTests: RFC 4180 quoting, line numbers of records, and malformed input.
import Testing
@testable import Core

@Suite struct CSVParserTests {
    static let hint = "quote a field that holds ,, quotes or line breaks, and double the quotes inside it"

    @Test func parsesQuotedFieldsAndRemembersLines() throws {
        let text = "a,b,c\r\n1,\"x, \"\"y\"\"\",\n\n2,\"multi\nline\",z\n3,,\"\""
        let records = try CSVParser.parse(text, source: "t.csv")
        #expect(records == [
            CSVRecord(line: 1, fields: ["a", "b", "c"]),
            CSVRecord(line: 2, fields: ["1", "x, \"y\"", ""]),
            CSVRecord(line: 4, fields: ["2", "multi\nline", "z"]),
            CSVRecord(line: 6, fields: ["3", "", ""]),
        ])
    }

    @Test func tabSeparated() throws {
        #expect(try CSVParser.parse("a\tb,c\n", source: "t", separator: "\t") == [CSVRecord(line: 1, fields: ["a", "b,c"])])
    }

    @Test(arguments: [
        ("ok\nab\"c\n", 2, 3, "quote inside an unquoted field", "ab\"c"),
        ("ok\n\"ab\"c\n", 2, 5, "text after a closing quote", "\"ab\"c"),
        ("ok\n\"ab\"\"\n", 2, 1, "unterminated quoted field", "\"ab\"\""),
    ])
    func rejectsMalformed(text: String, line: Int, column: Int, message: String, excerpt: String) {
        #expect(throws: AtlasError(source: "t.csv", line: line, column: column, message: message,
                                   hint: Self.hint, excerpt: excerpt)) {
            try CSVParser.parse(text, source: "t.csv")
        }
    }
}
