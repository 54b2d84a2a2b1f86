// Tests for the batched faithfulness evaluator on a tiny real model: one padded call per example gives the same
// figures as scoring every re-run alone; random baseline added; rationale only where given.
import Foundation
import Testing
@testable import Core

@Suite struct FaithfulnessEvaluatorTests {
    static func record(_ id: String, tokens n: Int, objective: Objective) -> TraceRecord {
        let scores = (0..<n).map { Float(($0 * 7 + 3) % n) + 0.5 }
        let flat = (0..<n).map { Float($0) }
        let prediction: TraceTarget = objective == .classification ? .classIndex(1) : .value(0.5)
        return TraceRecord(id: id, tokens: (0..<n).map { "w\($0)" }, label: prediction, prediction: prediction,
                           attributions: [.lat: Attribution(scores: scores, layers: [scores, flat.reversed(), flat]),
                                          .gradientSensitivity: Attribution(scores: flat)])
    }

    /// The model's output for one sequence alone (no padding), as the evaluator must see it.
    static func alone(_ model: SentimentTransformer, _ sequence: [Int32]) -> [Float] {
        var m = model
        return m.outputs(batch: TokenBatch(padding: [sequence.isEmpty ? [1] : sequence])).scalars
    }

    @Test(arguments: [Objective.classification, .regression])
    func batchedEqualsOneByOne(_ objective: Objective) throws {
        let model = try ModelTracerTests.tinyModel(objective: objective)
        let inputs = [(5, [Int32]([2, 3, 4, 5, 6])), (3, [7, 8, 9])].enumerated().map { i, pair in
            FaithfulnessInput(record: Self.record("e\(i)", tokens: pair.0, objective: objective), ids: pair.1,
                              rationale: i == 0 ? [0, 1, 0.5, 0, 0] : nil, randomSeed: UInt64(i))
        }
        let evaluator = FaithfulnessEvaluator(model: model, threads: 2)
        let results = evaluator.evaluate(inputs)
        #expect(results.map(\.id) == ["e0", "e1"])
        for (input, result) in zip(inputs, results) {
            // Depth 0 repeats LAT's input scores and is dropped; random is added.
            #expect(Set(input.attributions.keys) == [AttributionKey(.lat), AttributionKey(.lat, layer: 1),
                                                      AttributionKey(.lat, layer: 2), AttributionKey(.gradientSensitivity),
                                                      AttributionKey(.random)])
            let expected: FaithfulnessReport
            if objective == .classification {
                expected = Faithfulness().evaluate(tokenIDs: input.ids, attributions: input.attributions, predictedClass: 1) {
                    $0.map { sequence in
                        let logits = Self.alone(model, sequence).map(Double.init)
                        let top = logits.max()!, total = logits.reduce(0) { $0 + exp($1 - top) }
                        return logits.map { Float(exp($0 - top) / total) }
                    }
                }
            } else {
                expected = Faithfulness().evaluate(tokenIDs: input.ids, attributions: input.attributions) {
                    $0.map { Self.alone(model, $0)[0] }
                }
            }
            #expect(result.sequencesScored == expected.sequencesScored)
            for (key, figure) in expected.results {
                let got = try #require(result.faithfulness[key])
                for (a, b) in zip(got.comprehensiveness + got.sufficiency, figure.comprehensiveness + figure.sufficiency) {
                    #expect(abs(a - b) < 1e-5, "\(key): \(a) vs \(b)")
                }
            }
        }
        #expect(results[0].plausibility?[AttributionKey(.lat)]?.rationaleTokens == 2)
        #expect(results[1].plausibility == nil)
    }

    @Test func randomBaselineIsSeeded() {
        let record = Self.record("e", tokens: 6, objective: .classification)
        let a = FaithfulnessInput(record: record, ids: [1, 2, 3, 4, 5, 6], rationale: nil, randomSeed: 4)
        let b = FaithfulnessInput(record: record, ids: [1, 2, 3, 4, 5, 6], rationale: nil, randomSeed: 4)
        let c = FaithfulnessInput(record: record, ids: [1, 2, 3, 4, 5, 6], rationale: nil, randomSeed: 5)
        #expect(a.attributions[AttributionKey(.random)] == b.attributions[AttributionKey(.random)])
        #expect(a.attributions[AttributionKey(.random)] != c.attributions[AttributionKey(.random)])
    }
}
