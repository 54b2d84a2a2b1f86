// SENDParser: one SEND-format video (timed transcript + valence ratings) → fixed-length windows of words.
//
// Expected layout, per video (the Stanford Emotional Narratives Dataset ships one pair of files per
// video; SEND itself is licensed and never bundled here):
//   transcript: a header row, then one word per row, in time order. Tab- or comma-separated (the
//               header decides). Columns by name: `word`, and the word's onset in seconds as `time`,
//               `start`, `onset` or `time-offset`; other columns (e.g. `end`) are ignored.
//   ratings:    a header row, then one sample per row (SEND: every 0.5 s), strictly increasing in time.
//               Columns: `time` (seconds) and `evaluatorWeightedEstimate` (or `valence`).
// A window k covers [k·w, (k+1)·w) seconds (w = 5 s by default); its words are those whose onset falls in
// it, its valence the mean of its samples. There are as many windows as needed to cover the last word and
// the last sample.
//
// Outcomes for bad or awkward input (each tested):
//   - a window with no words is KEPT with no tokens (time keeps its regular step for the LSTM; the model
//     feeds it a zero vector) and is still scored when rated;
//   - a window with no rating sample has valence nil: predicted, not scored;
//   - a sample with an empty, non-numeric or non-finite rating is an error at its line (a missing rating
//     is not silently interpolated), as is a file with no samples at all;
//   - timestamps that go back in time (or repeat, for ratings) are an error at the offending line;
//   - a video longer than `maxWindows` windows is cut into consecutive chunks, flagged `isChunked`.

import Foundation

/// A word of a transcript and its onset in seconds.
public struct TimedWord: Equatable, Sendable {
    public var time: Double
    public var word: String
    public init(time: Double, word: String) {
        self.time = time
        self.word = word
    }
}

/// One valence sample of a ratings series.
public struct ValenceSample: Equatable, Sendable {
    public var time: Double
    public var valence: Double
    public init(time: Double, valence: Double) {
        self.time = time
        self.valence = valence
    }
}

public enum SENDParser {
    static let timeColumns = ["time", "start", "onset", "time-offset"]
    static let ratingColumns = ["evaluatorweightedestimate", "valence"]

    /// Parses a transcript of timed words (onsets non-decreasing).
    public static func parseTranscript(_ bytes: [UInt8], source: String) throws -> [TimedWord] {
        let (records, columns) = try table(bytes, source: source, required: [timeColumns, ["word"]])
        var words: [TimedWord] = []
        for record in records {
            let time = try seconds(record, column: columns[0], source: source)
            if let previous = words.last, time < previous.time {
                throw AtlasError(source: source, line: record.line,
                                 message: "word onset \(time) s comes before the previous word's \(previous.time) s",
                                 hint: "sort the transcript rows by time", excerpt: excerpt(record))
            }
            let word = record.fields[columns[1]].trimmingCharacters(in: .whitespaces)
            guard !word.isEmpty else {
                throw AtlasError(source: source, line: record.line, message: "empty word", hint: "drop the row",
                                 excerpt: excerpt(record))
            }
            words.append(TimedWord(time: time, word: word))
        }
        return words
    }

    /// Parses a valence series (times strictly increasing, every rating present and finite).
    public static func parseRatings(_ bytes: [UInt8], source: String) throws -> [ValenceSample] {
        let (records, columns) = try table(bytes, source: source, required: [["time"], ratingColumns])
        var samples: [ValenceSample] = []
        for record in records {
            let time = try seconds(record, column: columns[0], source: source)
            if let previous = samples.last, time <= previous.time {
                throw AtlasError(source: source, line: record.line,
                                 message: "sample time \(time) s does not come after the previous sample's \(previous.time) s",
                                 hint: "sort the rows by time and remove repeated times", excerpt: excerpt(record))
            }
            let text = record.fields[columns[1]].trimmingCharacters(in: .whitespaces)
            guard let value = Double(text), value.isFinite else {
                throw AtlasError(source: source, line: record.line,
                                 message: text.isEmpty ? "missing rating at \(time) s" : "rating '\(text)' at \(time) s is not a finite number",
                                 hint: "every sample needs a rating; drop the row rather than leave it empty",
                                 excerpt: excerpt(record))
            }
            samples.append(ValenceSample(time: time, valence: value))
        }
        guard !samples.isEmpty else {
            throw AtlasError(source: source, line: 1, message: "no rating samples", hint: "the file has only a header")
        }
        return samples
    }

    /// Groups words and samples into windows of `windowSeconds` (see the file's comment).
    public static func windows(video: String, words: [TimedWord], ratings: [ValenceSample],
                               windowSeconds: Double = 5) -> [NarrativeWindow] {
        precondition(windowSeconds > 0, "window length must be positive, got \(windowSeconds)")
        func index(_ time: Double) -> Int { Int((time / windowSeconds).rounded(.down)) }
        let count = max(words.map { index($0.time) }.max() ?? -1, ratings.map { index($0.time) }.max() ?? -1) + 1
        var tokens = [[String]](repeating: [], count: count)
        var sums = [(Double, Int)](repeating: (0, 0), count: count)
        for word in words { tokens[index(word.time)].append(word.word) }
        for sample in ratings { sums[index(sample.time)].0 += sample.valence; sums[index(sample.time)].1 += 1 }
        return (0..<count).map { k in
            let start = Double(k) * windowSeconds
            return NarrativeWindow(id: "\(video)@\(start)", tokens: tokens[k],
                                   valence: sums[k].1 > 0 ? sums[k].0 / Double(sums[k].1) : nil,
                                   start: start, end: start + windowSeconds)
        }
    }

    /// One video's files → its sequence (or chunks of at most `maxWindows` windows).
    public static func sequences(video: String, transcript: [UInt8], transcriptSource: String, ratings: [UInt8],
                                 ratingsSource: String, split: DataSplit, genre: String = "SEND",
                                 windowSeconds: Double = 5, maxWindows: Int = 32) throws -> [NarrativeSequence] {
        let words = try parseTranscript(transcript, source: transcriptSource)
        let samples = try parseRatings(ratings, source: ratingsSource)
        return NarrativeSequence.chunked(narrative: video, genre: genre, split: split,
                                         windows: windows(video: video, words: words, ratings: samples,
                                                          windowSeconds: windowSeconds),
                                         maxWindows: maxWindows)
    }

    // MARK: - Parsing helpers

    /// The data records and, for each required column (any of its names), its index.
    static func table(_ bytes: [UInt8], source: String, required: [[String]]) throws -> ([CSVRecord], [Int]) {
        let text = try TextLines.decode(bytes, source: source)
        let firstLine = text.prefix { $0 != "\n" }
        let records = try CSVParser.parse(text, source: source, separator: firstLine.contains("\t") ? "\t" : ",")
        guard let header = records.first else {
            throw AtlasError(source: source, line: 1, message: "empty file",
                             hint: "expected a header naming the columns \(required.map { $0[0] }.joined(separator: ", "))")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let columns = try required.map { options -> Int in
            guard let index = names.firstIndex(where: options.contains) else {
                throw AtlasError(source: source, line: header.line,
                                 message: "no column named \(options.map { "'\($0)'" }.joined(separator: " or "))",
                                 hint: "name the columns in the header row", excerpt: excerpt(header))
            }
            return index
        }
        let data = Array(records.dropFirst())
        if let short = data.first(where: { $0.fields.count != header.fields.count }) {
            throw AtlasError(source: source, line: short.line,
                             message: "expected \(header.fields.count) fields, found \(short.fields.count)",
                             excerpt: excerpt(short))
        }
        return (data, columns)
    }

    static func seconds(_ record: CSVRecord, column: Int, source: String) throws -> Double {
        let text = record.fields[column].trimmingCharacters(in: .whitespaces)
        guard let time = Double(text), time.isFinite, time >= 0 else {
            throw AtlasError(source: source, line: record.line, message: "time '\(text)' is not a number of seconds ≥ 0",
                             excerpt: excerpt(record))
        }
        return time
    }

    static func excerpt(_ record: CSVRecord) -> String {
        AtlasError.excerpt(of: record.fields.joined(separator: " ")[...])
    }
}
