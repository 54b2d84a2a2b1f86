// Tests for TraceRecord's JSON Lines encoding: one line per record, exact round trip, bad lines reported.

import Foundation
import Testing
@testable import Core

@Suite struct TraceRecordTests {
    static let record: TraceRecord = {
        let maps = TracingFixtures.handMade
        var attributions = [MethodID: Attribution]()
        for method in makeAttentionAttributionMethods() { attributions[method.id] = method.attribute(maps) }
        attributions[.integratedGradients] = Attribution(scores: [0.1, -2.5e-8, 3.4028235e38])
        let error = CompletenessError(absolute: 1e-3, relative: nil, outputDifference: 0, evaluations: 52,
                                      schedule: .gaussLegendre(points: 50))
        return TraceRecord(id: "test-17", tokens: ["a \"quoted\"", "new\nline", "naïve 🎬"],
                           label: .classIndex(3), prediction: .classIndex(4), probabilities: [0.1, 0.2, 0.3, 0.15, 0.25],
                           attributions: attributions, integratedGradientsError: error, isTruncated: true)
    }()

    @Test func roundTripsThroughOneLine() throws {
        let line = try Self.record.jsonLine()
        #expect(!line.contains("\n"))
        #expect(try TraceRecord(jsonLine: line) == Self.record)
        #expect(try TraceRecord(jsonLine: Self.record.jsonLineData()) == Self.record)
        #expect(line.contains(#""truncated":true"#) && line.contains(#""label":{"class":3}"#))
        #expect(line.contains(#""attention-flow":{"#))
    }

    @Test func regressionTargetsRoundTrip() throws {
        var record = Self.record
        record.label = .value(0.25)
        record.prediction = .value(-1.0)
        record.probabilities = nil
        let decoded = try TraceRecord(jsonLine: record.jsonLine())
        #expect(decoded == record)
        #expect(decoded.prediction == .value(-1))
    }

    @Test func manyRecordsAndABadLine() throws {
        var second = Self.record
        second.id = "test-18"
        let text = try TraceRecord.jsonLines([Self.record, second])
        #expect(text.split(separator: "\n").count == 2 && text.hasSuffix("\n"))
        #expect(try TraceRecord.records(fromJSONLines: text, source: "traces.jsonl") == [Self.record, second])
        #expect(throws: AtlasError.self) {
            try TraceRecord.records(fromJSONLines: text + "{oops}\n", source: "traces.jsonl")
        }
        do {
            _ = try TraceRecord.records(fromJSONLines: text + "{oops}\n", source: "traces.jsonl")
        } catch let error as AtlasError {
            #expect(error.source == "traces.jsonl" && error.line == 3 && error.excerpt == "{oops}")
        }
    }

    /// Same record, same bytes (sorted keys).
    @Test func encodingIsDeterministic() throws {
        #expect(try Self.record.jsonLineData() == Self.record.jsonLineData())
    }
}
