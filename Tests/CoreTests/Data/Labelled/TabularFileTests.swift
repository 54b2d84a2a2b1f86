// TabularFileTests: the rows of CSV, TSV and JSON Lines files, and every malformed file refused at its line.
import Foundation
import Testing
@testable import Core

@Suite struct TabularFileTests {
    func rows(_ text: String, _ format: TabularFormat) throws -> [TabularRow] {
        try TabularFile.rows(Array(text.utf8), format: format, source: "f")
    }

    @Test func readsCSVWithQuotedFieldsAndLineBreaks() throws {
        let text = "id,text,label\na,\"Good, \"\"really\"\"\",pos\nb,\"two\nlines\",neg\n"
        #expect(try rows(text, .csv) == [
            TabularRow(line: 2, fields: ["id": "a", "text": "Good, \"really\"", "label": "pos"]),
            TabularRow(line: 3, fields: ["id": "b", "text": "two\nlines", "label": "neg"]),
        ])
    }

    @Test func readsTSV() throws {
        #expect(try rows("text\tlabel\nfine, thanks\t2\r\n", .tsv) == [TabularRow(line: 2, fields: ["text": "fine, thanks", "label": "2"])])
    }

    /// JSON numbers keep their text (3, not 3.0; 2.5 as written), lists of numbers join with spaces, null drops
    /// the field, booleans are words; blank lines are skipped but counted.
    @Test func readsJSONLines() throws {
        let text = #"{"text": "ok", "label": 3, "score": 2.5, "marks": [0, 1], "note": null, "flag": true}"# + "\n\n"
            + #"{"text": "é\u00e9", "label": "x"}"# + "\n"
        #expect(try rows(text, .jsonl) == [
            TabularRow(line: 1, fields: ["text": "ok", "label": "3", "score": "2.5", "marks": "0 1", "flag": "true"]),
            TabularRow(line: 3, fields: ["text": "éé", "label": "x"]),
        ])
    }

    @Test func aRaggedRowIsRefusedAtItsLine() {
        #expect(throws: AtlasError(source: "f", line: 3, message: "2 fields where the header has 3",
                                   hint: "quote a field that holds the separator, and give every row one value per column",
                                   excerpt: "b,c")) {
            try rows("id,text,label\na,b,c\nb,c\n", .csv)
        }
        // The excerpt is the row as the file has it, quotes included (its fields joined again would read 'b, c,d').
        #expect(throws: AtlasError(source: "f", line: 2, message: "2 fields where the header has 3",
                                   hint: "quote a field that holds the separator, and give every row one value per column",
                                   excerpt: "\"b, c\",d")) {
            try rows("id,text,label\n\"b, c\",d\n", .csv)
        }
    }

    @Test func aRepeatedHeaderIsRefused() {
        #expect(throws: AtlasError(source: "f", line: 1, message: "the header names the field 'text' twice",
                                   hint: "give every column its own name")) {
            try rows("text,text\na,b\n", .csv)
        }
    }

    @Test func aJSONLineThatIsNoObjectIsRefused() {
        let hint = "write one JSON object per line, e.g. {\"text\": \"…\", \"label\": 1}"
        #expect(throws: AtlasError(source: "f", line: 2, message: "not a JSON object", hint: hint, excerpt: "[1, 2]")) {
            try rows("{\"text\": \"a\"}\n[1, 2]\n", .jsonl)
        }
        #expect(throws: AtlasError(source: "f", line: 1, message: "not valid JSON", hint: hint, excerpt: "{\"text\": \"a\"")) {
            try rows("{\"text\": \"a\"\n", .jsonl)
        }
    }

    @Test func invalidUTF8IsRefusedAtItsLineAndColumn() {
        let bytes: [UInt8] = Array("text,label\nab".utf8) + [0xFF] + Array(",1\n".utf8)
        #expect(throws: AtlasError(source: "f", line: 2, column: 3, message: "invalid UTF-8 (1 bad byte(s))",
                                   hint: "re-save the file as UTF-8", excerpt: "ab\u{FFFD},1")) {
            try TabularFile.rows(bytes, format: .csv, source: "f")
        }
    }

    /// Random bytes, truncated lines and stray quotes in every format: each input gives rows or an `AtlasError`,
    /// never a crash or another error; a row's line lies within the file. Seeded, so a failure repeats.
    @Test func randomInputGivesRowsOrAnError() {
        var rng = SplitMix64(seed: 20261207)
        let pieces = ["\"", ",", "\t", "\n", "\r\n", "{", "}", "[", "]", ":", "text", "label", "\"text\"", "1", "2.5",
                      "null", "é", "\u{202E}", "\\", " "]
        for trial in 0..<3000 {
            var bytes: [UInt8]
            if trial % 3 == 0 {
                bytes = (0..<Int(rng.next() % 64)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            } else {
                let header = ["text,label\n", "text\tlabel\n", "{\"text\": \"a\", \"label\": 1}\n"][trial % 3]
                bytes = Array(header.utf8)
                for _ in 0..<Int(rng.next() % 24) { bytes += Array(pieces[Int(rng.next() % UInt64(pieces.count))].utf8) }
                if rng.next() % 2 == 0 { bytes = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count + 1)))) }
            }
            let lines = bytes.filter { $0 == 10 }.count + 1
            for format in TabularFormat.allCases {
                do {
                    let rows = try TabularFile.rows(bytes, format: format, source: "f")
                    #expect(rows.allSatisfy { $0.line >= 1 && $0.line <= lines }, "trial \(trial) \(format)")
                } catch is AtlasError {
                } catch {
                    Issue.record("trial \(trial) \(format): \(error)")
                }
            }
        }
    }
}
