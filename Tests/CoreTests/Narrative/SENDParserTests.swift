// SENDParserTests: the synthetic SEND-format fixture into 5 s windows, and every bad-input outcome.
import Foundation
import Testing
@testable import Core

@Suite struct SENDParserTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/send/video_a/" + name, withExtension: nil))
        return Array(try Data(contentsOf: url))
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func fixtureBecomesThreeWindows() throws {
        let sequences = try SENDParser.sequences(video: "video_a", transcript: Self.fixture("transcript.tsv"),
                                                 transcriptSource: "transcript.tsv", ratings: Self.fixture("ratings.csv"),
                                                 ratingsSource: "ratings.csv", split: .test)
        #expect(sequences.count == 1)
        let windows = sequences[0].windows
        #expect(windows.map(\.tokens) == [["I", "remember", "the", "happy", "day"], [], ["then", "sadness"]])
        #expect(windows.map(\.start) == [0, 5, 10] && windows.map(\.end) == [5, 10, 15])
        let valence = windows.map { $0.valence! }
        for (observed, expected) in zip(valence, [0.5, 0, -0.25]) { #expect(abs(observed - expected) < 1e-12) }
        #expect(windows[0].id == "video_a@0.0")
        #expect(sequences[0].genre == "SEND" && sequences[0].split == .test && !sequences[0].isChunked)
    }

    /// Empty windows are kept (and the model accepts them); windows without samples have no valence.
    @Test func emptyWindowsAreKeptAndUnratedWindowsHaveNoValence() throws {
        let words = try SENDParser.parseTranscript(Self.bytes("start,end,word\n0.5,0.9,hello\n21,21.4,again\n"), source: "t")
        let ratings = try SENDParser.parseRatings(Self.bytes("time,valence\n0,0.1\n0.5,0.3\n6,0.5\n"), source: "r")
        let windows = SENDParser.windows(video: "v", words: words, ratings: ratings)
        #expect(windows.count == 5)
        #expect(windows.map(\.tokens.count) == [1, 0, 0, 0, 1])
        #expect(windows.map(\.valence) == [0.2, 0.5, nil, nil, nil])
        let example = NarrativeExample(NarrativeSequence(narrative: "v", genre: "SEND", split: .test, windows: windows),
                                       vocabulary: Vocabulary(tokenLists: [["hello"]]))
        var model = try NarrativeModel(configuration: .init(encoder: NarrativeModelTests.encoder, maxWindows: 8), seed: 1)
        #expect(model.predict([example])[0].count == 5)
    }

    @Test func longVideosAreChunked() throws {
        let sequences = try SENDParser.sequences(video: "video_a", transcript: Self.fixture("transcript.tsv"),
                                                 transcriptSource: "t", ratings: Self.fixture("ratings.csv"),
                                                 ratingsSource: "r", split: .train, maxWindows: 2)
        #expect(sequences.map(\.id) == ["video_a#0", "video_a#1"])
        #expect(sequences.map(\.windows.count) == [2, 1])
    }

    @Test func windowLengthIsConfigurable() throws {
        let words = try SENDParser.parseTranscript(Self.fixture("transcript.tsv"), source: "t")
        let ratings = try SENDParser.parseRatings(Self.fixture("ratings.csv"), source: "r")
        #expect(SENDParser.windows(video: "v", words: words, ratings: ratings, windowSeconds: 10).count == 2)
    }

    static func error(_ body: () throws -> Void) -> AtlasError? {
        do { try body() } catch let error as AtlasError { return error } catch { return nil }
        return nil
    }

    @Test func unorderedTranscriptIsAnErrorAtItsLine() {
        let error = Self.error { _ = try SENDParser.parseTranscript(Self.bytes("time\tword\n1\ta\n3\tb\n2\tc\n"), source: "t.tsv") }
        #expect(error?.source == "t.tsv" && error?.line == 4)
        #expect(error?.message.contains("before the previous word") == true)
        #expect(error?.hint == "sort the transcript rows by time")
    }

    @Test func unorderedOrRepeatedRatingTimesAreErrors() {
        let back = Self.error { _ = try SENDParser.parseRatings(Self.bytes("time,evaluatorWeightedEstimate\n0,1\n1,1\n0.5,1\n"), source: "r.csv") }
        #expect(back?.line == 4)
        let repeated = Self.error { _ = try SENDParser.parseRatings(Self.bytes("time,evaluatorWeightedEstimate\n0,1\n0,1\n"), source: "r.csv") }
        #expect(repeated?.line == 3)
    }

    @Test(arguments: ["", "nan", "high"])
    func missingOrBadRatingIsAnErrorAtItsLine(value: String) {
        let error = Self.error {
            _ = try SENDParser.parseRatings(Self.bytes("time,evaluatorWeightedEstimate\n0,0.1\n0.5,\(value)\n"), source: "r.csv")
        }
        #expect(error?.line == 3)
        #expect(error?.message == (value.isEmpty ? "missing rating at 0.5 s" : "rating '\(value)' at 0.5 s is not a finite number"))
    }

    @Test func otherMalformedInput() {
        let noSamples = Self.error { _ = try SENDParser.parseRatings(Self.bytes("time,valence\n"), source: "r") }
        #expect(noSamples?.message == "no rating samples")
        let noColumn = Self.error { _ = try SENDParser.parseTranscript(Self.bytes("when,word\n1,a\n"), source: "t") }
        #expect(noColumn?.line == 1 && noColumn?.message.contains("'time'") == true)
        let short = Self.error { _ = try SENDParser.parseTranscript(Self.bytes("time,word\n1,a\n2\n"), source: "t") }
        #expect(short?.line == 3)
        let negative = Self.error { _ = try SENDParser.parseTranscript(Self.bytes("time,word\n-1,a\n"), source: "t") }
        #expect(negative?.line == 2)
        let emptyWord = Self.error { _ = try SENDParser.parseTranscript(Self.bytes("time,word\n1, \n"), source: "t") }
        #expect(emptyWord?.message == "empty word")
        let empty = Self.error { _ = try SENDParser.parseTranscript([], source: "t") }
        #expect(empty?.message == "empty file")
    }
}
