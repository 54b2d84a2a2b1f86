// Lexicon+UserTable: a user's own lexicon, a CSV or TSV file with a word column and a numeric rating column.
import Foundation

extension Lexicon {
    /// A word/rating table with a header row (`TabularFile`), read as a valence lexicon: `wordColumn` the word,
    /// `valueColumn` its rating, `neutral` the scale's neutral point (the intensity is |rating − neutral|). The scale's
    /// ends are the lowest and highest rating in the file. A row with an empty word is skipped; a rating that is
    /// not a number is an error at its line.
    public static func parseTable(_ bytes: [UInt8], format: TabularFormat, source: String, name: String,
                                  wordColumn: String, valueColumn: String, neutral: Double) throws -> Lexicon {
        let rows = try TabularFile.rows(bytes, format: format, source: source)
        var builder = LexiconBuilder()
        var lowest = Double.infinity, highest = -Double.infinity
        for row in rows {
            func fail(_ field: String, _ message: String) -> AtlasError {
                AtlasError(source: source, line: row.line, message: "field '\(field)': \(message)",
                           hint: "the fields of this row are " + row.fields.keys.sorted().map { "'\($0)'" }.joined(separator: ", "))
            }
            guard let word = row.fields[wordColumn] else { throw fail(wordColumn, "missing") }
            guard let text = row.fields[valueColumn] else { throw fail(valueColumn, "missing") }
            guard !word.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw fail(valueColumn, "'\(text)' is not a number")
            }
            lowest = min(lowest, value)
            highest = max(highest, value)
            builder.add(word: word.trimmingCharacters(in: .whitespaces), ratings: [.valence: Rating(mean: value)])
        }
        guard lowest <= highest else {
            throw AtlasError(source: source, message: "the lexicon has no rated word", hint: "the file needs a header row and one row per word")
        }
        return builder.lexicon(name: name, scale: RatingScale(lower: lowest, upper: highest, neutral: neutral),
                               dimensions: [.valence])
    }
}
