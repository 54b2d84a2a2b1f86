// TextLinesTests: line splitting (LF, CRLF, final newline) and the byte-order mark.
import Testing
@testable import Core

@Suite struct TextLinesTests {
    @Test func splitsLFAndCRLFKeepingInnerEmptyLines() throws {
        #expect(try TextLines.lines(Array("a\r\n\nb\nc\r\n".utf8), source: "t") == ["a", "", "b", "c"])
        #expect(try TextLines.lines(Array("a".utf8), source: "t") == ["a"])
        #expect(try TextLines.lines([], source: "t") == [])
    }

    @Test func dropsByteOrderMark() throws {
        #expect(try TextLines.decode([0xEF, 0xBB, 0xBF] + Array("é".utf8), source: "t") == "é")
    }

    @Test func reportsInvalidUTF8OnThirdLine() {
        #expect(throws: AtlasError(source: "t", line: 3, column: 2, message: "invalid UTF-8 (1 bad byte(s))",
                                   hint: "re-save the file as UTF-8", excerpt: "x\u{FFFD}y")) {
            try TextLines.decode(Array("a\nb\nx".utf8) + [0xFF] + Array("y\n".utf8), source: "t")
        }
    }
}
