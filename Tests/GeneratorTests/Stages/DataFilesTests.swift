// DataFilesTests: the trace download keeps every field, with scores rounded to 4 significant digits, and reads back.
import Core
import Foundation
import Testing
import ZIPFoundation
@testable import Generator

@Suite struct DataFilesTests {
    @Test func roundingKeepsFourSignificantDigits() {
        #expect(DataFiles.rounded(0.123456789) == 0.1235)
        #expect(DataFiles.rounded(-98765.4321) == -98770)
        #expect(DataFiles.rounded(0.000012344) == 0.00001234)
        #expect(DataFiles.rounded(0.0) == 0 && DataFiles.rounded(Double.infinity) == .infinity)
        #expect(DataFiles.rounded(Double.nan).isNaN)
        #expect(DataFiles.rounded(Float(2.9246578)) == Float(2.925))
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
        #expect(line.contains("[0.1235,2.925,0]") && line.contains("[1,0.3333,0.5]") && line.contains("0.8765"))
        #expect(!line.contains("heads"))
        let back = try JSONDecoder().decode(TraceRecord.self, from: Data(line.split(separator: "\n")[0].utf8))
        #expect(back.tokens == record.tokens && back.connections?.first?.to == 2)
        #expect(back.attributions[.lat]?.scores == [0.1235, 2.925, 0])
    }
}
