// PretrainedSentimentModelTests: traces feed the attention methods, and the gradient function is the exact gradient of the logit.
import Testing
@testable import Core

@Suite struct PretrainedSentimentModelTests {
    static func makeModel() -> PretrainedSentimentModel {
        let configuration = BertConfiguration(hiddenSize: 8, layers: 2, heads: 2, intermediateSize: 12,
                                              maxPositions: 8, typeVocabularySize: 2, vocabularySize: 20)
        return PretrainedSentimentModel(encoder: try! BertEncoder(configuration: configuration, seed: 5),
                                        head: AttentionPoolingHead(width: 8, poolingHidden: 6, classes: 3, seed: 6))
    }

    @Test func tracesFeedTheAttentionMethods() {
        var model = Self.makeModel()
        let traces = model.trace([[1, 5, 7, 2], [1, 9, 2]])
        #expect(traces.map(\.maps.tokens) == [4, 3])
        #expect(traces[0].maps.layers == 2 && traces[0].maps.heads == 2)
        #expect(abs(traces[1].maps.context.reduce(0, +) - 1) < 1e-6)
        #expect(traces[1].embeddings.count == 3 * 8)
        let lat = LayerwiseAttentionTracing().attribute(traces[0].maps)
        #expect(abs(lat.scores.reduce(0, +) - 2) < 1e-4, "LAT keeps mass H = 2: \(lat.scores)")
        // Batched and single traces agree.
        let alone = model.trace([[1, 9, 2]])[0]
        for (a, b) in zip(alone.logits, traces[1].logits) { #expect(abs(a - b) < 1e-5) }
    }

    @Test func gradientFunctionMatchesFiniteDifferences() {
        var model = Self.makeModel()
        let trace = model.trace([[1, 5, 7, 2]])[0]
        let function = model.gradientFunction(target: 2, tokens: 4)
        let second = trace.embeddings.map { $0 * 0.5 }
        let (outputs, gradients) = function(trace.embeddings + second)
        #expect(outputs.count == 2 && gradients.count == 2 * 4 * 8)
        #expect(abs(outputs[0] - trace.logits[2]) < 1e-5, "point 0 is the traced example")
        GradientCheck(samples: 32).check(label: "logit(e)", parameters: [], input: trace.embeddings,
                                         forward: { _, x in function(x).outputs }) { _, x, dy in
            ([], function(x).gradients.map { $0 * dy[0] })
        }
        // The second point's gradient equals a separate one-point call (no cross-talk between points).
        let single = function(second).gradients
        for (a, b) in zip(single, gradients[(4 * 8)...]) { #expect(abs(a - b) < 1e-5) }
    }

    /// Integrated gradients through the model is complete: Σ attributions ≈ logit(e) − logit(0).
    @Test func integratedGradientsAreComplete() {
        var model = Self.makeModel()
        let trace = model.trace([[1, 5, 7, 9, 2]])[0]
        let function = model.gradientFunction(target: 0, tokens: 5)
        let (attribution, error) = IntegratedGradients().attribute(embeddings: trace.embeddings, tokens: 5, dimension: 8,
                                                                   using: function)
        #expect(attribution.scores.count == 5)
        #expect(abs(error.outputDifference - Double(trace.logits[0] - function([Float](repeating: 0, count: 40)).outputs[0])) < 1e-5)
        #expect((error.relative ?? 0) < 1e-3, "completeness error \(error)")
        let saliency = GradientSensitivity().attribute(embeddings: trace.embeddings, tokens: 5, dimension: 8, using: function)
        #expect(saliency.scores.allSatisfy { $0 > 0 })
    }

    @Test func lastHiddenStatesMatchSingleForwards() {
        var encoder = Self.makeModel().encoder
        let sequences: [[Int32]] = [[1, 2, 3, 4, 5], [1, 6], [1, 7, 8]]
        let states = encoder.lastHiddenStates(sequences, batchSize: 2)
        for (sequence, state) in zip(sequences, states) {
            let alone = encoder.forward(TokenBatch(padding: [sequence])).lastHidden
            #expect(state.shape == [sequence.count, 8])
            for (a, b) in zip(alone.scalars, state.scalars) { #expect(abs(a - b) < 1e-5) }
        }
    }
}
