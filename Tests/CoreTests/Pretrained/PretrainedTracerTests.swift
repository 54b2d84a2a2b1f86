// PretrainedTracerTests: the pretrained tracer reports every method per word (sum of pieces), batching-independent.
import Testing
@testable import Core

@Suite struct PretrainedTracerTests {
    /// "good movie ," as [CLS] go ##od movie , [SEP]; "bad" as [CLS] bad [SEP]; "not bad at all" with "all" cut.
    static let inputs: [PretrainedTracingInput] = [
        PretrainedTracingInput(id: "a", words: ["good", "movie", ","],
                               encoding: WordPieceEncoding(ids: [1, 5, 6, 7, 8, 2], pieces: ["[CLS]", "go", "##od", "movie", ",", "[SEP]"],
                                                           wordIndices: [nil, 0, 0, 1, 2, nil], wordCount: 3, isTruncated: false),
                               label: .classIndex(2)),
        PretrainedTracingInput(id: "b", words: ["bad"],
                               encoding: WordPieceEncoding(ids: [1, 9, 2], pieces: ["[CLS]", "bad", "[SEP]"],
                                                           wordIndices: [nil, 0, nil], wordCount: 1, isTruncated: false),
                               label: .classIndex(0)),
        PretrainedTracingInput(id: "c", words: ["not", "bad", "at", "all"],
                               encoding: WordPieceEncoding(ids: [1, 11, 9, 12, 2], pieces: ["[CLS]", "not", "bad", "at", "[SEP]"],
                                                           wordIndices: [nil, 0, 1, 2, nil], wordCount: 4, isTruncated: true),
                               label: .classIndex(1)),
    ]

    static func options(batchSize: Int, threads: Int) -> TracingOptions {
        var options = TracingOptions()
        options.batchSize = batchSize
        options.threads = threads
        options.integratedGradients = IntegratedGradients(schedule: .gaussLegendre(points: 8))
        return options
    }

    @Test func everyMethodScoresEveryWord() {
        let model = PretrainedSentimentModelTests.makeModel()
        let records = Tracer(model: model, options: Self.options(batchSize: 8, threads: 1)).trace(Self.inputs)
        #expect(records.map(\.id) == ["a", "b", "c"])
        #expect(records.map(\.isTruncated) == [false, false, true])
        for (record, input) in zip(records, Self.inputs) {
            #expect(record.tokens == input.words)
            #expect(Set(record.attributions.keys) == Set(MethodID.allCases).subtracting([.random]))
            for (method, attribution) in record.attributions {
                #expect(attribution.scores.count == input.words.count, "\(method)")
                for layer in attribution.layers ?? [] { #expect(layer.count == input.words.count, "\(method)") }
            }
            #expect(record.attributions[.lat]?.layers?.count == 3, "L + 1 depths")
            #expect(record.attributions[.lat]?.heads?.count == 2, "one chain per head")
            #expect(record.probabilities.map { abs($0.reduce(0, +) - 1) < 1e-5 } == true)
            #expect(record.integratedGradientsError != nil)
        }
        // The truncated word has no piece, so it scores 0 with every method.
        for attribution in records[2].attributions.values { #expect(attribution.scores[3] == 0) }
    }

    @Test func wordScoresAreSumsOfPieceScores() {
        var model = PretrainedSentimentModelTests.makeModel()
        let records = Tracer(model: model, options: Self.options(batchSize: 8, threads: 1)).trace(Self.inputs)
        let trace = model.trace([Self.inputs[0].encoding.ids])[0]
        let pieces = LayerwiseAttentionTracing().attribute(trace.maps)
        let lat = records[0].attributions[.lat]!
        #expect(abs(lat.scores[0] - (pieces.scores[1] + pieces.scores[2])) < 1e-6, "good = go + ##od")
        #expect(abs(lat.scores[1] - pieces.scores[3]) < 1e-6)
        #expect(abs(lat.layers![1][0] - (pieces.layers![1][1] + pieces.layers![1][2])) < 1e-6)
        #expect(abs(lat.heads![1][0][2] - pieces.heads![1][0][4]) < 1e-6)
        // Mass: the words keep everything except what LAT leaves on [CLS] and [SEP].
        let total = lat.scores.reduce(0, +), special = pieces.scores[0] + pieces.scores[5]
        #expect(abs(total + special - 2) < 1e-4, "H = 2 chains of mass 1")
    }

    @Test func batchingAndThreadsDoNotChangeRecords() {
        let model = PretrainedSentimentModelTests.makeModel()
        let together = Tracer(model: model, options: Self.options(batchSize: 8, threads: 1)).trace(Self.inputs)
        let apart = Tracer(model: model, options: Self.options(batchSize: 1, threads: 2)).trace(Self.inputs)
        for (a, b) in zip(together, apart) {
            #expect(a.prediction == b.prediction)
            for (method, attribution) in a.attributions {
                for (x, y) in zip(attribution.scores, b.attributions[method]!.scores) {
                    #expect(abs(x - y) < 1e-4 * max(1, abs(x)), "\(method)")
                }
            }
        }
    }
}
