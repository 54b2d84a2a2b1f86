// DataFilesTests: the trace download keeps every field, with scores rounded to 3 significant digits, and reads back.
import Core
import Foundation
import Testing
import ZIPFoundation
@testable import Generator

@Suite struct DataFilesTests {
    @Test func roundingKeepsThreeSignificantDigits() {
        #expect(DataFiles.significantDigits == 3)
        #expect(DataFiles.rounded(0.123456789) == 0.123)
        #expect(DataFiles.rounded(-98765.4321) == -98800)
        #expect(DataFiles.rounded(0.000012354) == 0.0000124)
        #expect(DataFiles.rounded(0.0) == 0 && DataFiles.rounded(Double.infinity) == .infinity)
        #expect(DataFiles.rounded(Double.nan).isNaN)
        #expect(DataFiles.rounded(Float(2.9246578)) == Float(2.92))
    }

    @Test func traceDownloadRoundsScoresAndWeightsAndDropsHeads() throws {
        var record = TraceRecord(id: "test-1", tokens: ["a", "fine", "film"], label: .classIndex(3), prediction: .classIndex(1),
                                 attributions: [.lat: Attribution(scores: [0.123456, 2.9246578, 0],
                                                                  layers: [[0.123456, 2.9246578, 0], [1.0000001, 0.3333333, 0.5]],
                                                                  heads: [[[1, 2, 3]]])])
        record.connections = [TraceEdge(layer: 1, from: 0, to: 2, weight: 0.87654321)]
        let zip = try DataFiles.zippedTraces([record], name: "t.jsonl")
        let archive = try Archive(data: zip, accessMode: .read)
        let entry = try #require(archive["t.jsonl"])
        var text = Data()
        _ = try archive.extract(entry) { text.append($0) }
        let line = String(decoding: text, as: UTF8.self)
        #expect(line.contains("[0.123,2.92,0]") && line.contains("[1,0.333,0.5]") && line.contains("0.877"))
        #expect(!line.contains("heads"))
        let back = try JSONDecoder().decode(TraceRecord.self, from: Data(line.split(separator: "\n")[0].utf8))
        #expect(back.tokens == record.tokens && back.connections?.first?.to == 2)
        #expect(back.attributions[.lat]?.scores == [0.123, 2.92, 0])
    }

    /// The statistics download lists a target's lemma matches once (first entry), keeps every count, rounds word means.
    @Test func statisticsDownloadListsLemmaMatchesOnce() throws {
        let ratings: [String: Double] = ["walk": 6, "good": 7.5, "bad": 2.5, "day": 5.5]
        let warriner = Lexicon(name: "warriner", scale: RatingScale(lower: 1, upper: 9, neutral: 5), dimensions: [.valence, .arousal],
                               entries: ratings.mapValues { [EmotionDimension.valence: Rating(mean: $0), .arousal: Rating(mean: 3 + abs($0 - 5))] })
        let vader = Lexicon(name: "vader", scale: RatingScale(lower: -4, upper: 4, neutral: 0), dimensions: [.valence],
                            entries: ratings.mapValues { [EmotionDimension.valence: Rating(mean: ($0 - 5) * 0.8)] })
        let texts = [["walks", "good"], ["a", "bad", "day", "walks"], ["good", "day"], ["bad", "walks", "good"]]
        let records = texts.enumerated().map { i, tokens in
            TraceRecord(id: "t\(i)", tokens: tokens, label: .classIndex(1), prediction: .classIndex(1),
                        attributions: [.lat: Attribution(scores: tokens.indices.map { Float($0 + 1) / 3 }),
                                       .context: Attribution(scores: tokens.indices.map { Float($0 + 2) / 7 })])
        }
        var settings = ValidationSettings()
        settings.bootstrapResamples = 10
        settings.minimumOccurrences = 1
        let report = try Validation.validate(records, lexicons: [warriner, vader], settings: settings, seed: 0)
        #expect(report.entries.count >= 2)
        #expect(report.entries.allSatisfy { $0.targets.first?.join.lemmaMatches.contains { $0.word == "walks" } == true })
        let slim = DataFiles.rounded(report)
        #expect(slim.entries[0].targets[0].join.lemmaMatches == report.entries[0].targets[0].join.lemmaMatches)
        #expect(slim.entries.dropFirst().allSatisfy { $0.targets[0].join.lemmaMatches.isEmpty })
        #expect(slim.entries.map { $0.targets[0].join.matchedAfterLemmatization } == report.entries.map { $0.targets[0].join.matchedAfterLemmatization })
        #expect(slim.entries.map { $0.targets[0].spearman } == report.entries.map { $0.targets[0].spearman })
        #expect(slim.entries[0].scatter.map(\.meanScore) == report.entries[0].scatter.map { DataFiles.rounded($0.meanScore) })
    }
}
