// NarrativeModelTests: whole-model gradient check, empty windows, batching invariance, tracing, overfitting.
import Testing
@testable import Core

@Suite struct NarrativeModelTests {
    static let encoder = ModelConfiguration(
        vocabularySize: 12, modelWidth: 8, layers: 2, heads: 2, keyWidth: 4, valueWidth: 4, feedForwardWidth: 8,
        poolingHidden: 6, classifierHidden: 4, outputs: 1, objective: .regression, dropout: 0, classifierDropout: 0,
        maxLength: 16)
    static let configuration = NarrativeConfiguration(encoder: encoder, recurrentWidth: 5, maxWindows: 4)
    /// Two narratives; the first has an empty window in the middle.
    static let examples = [
        NarrativeExample(windows: [[1, 2, 3], [], [4, 5]], targets: [3.5, nil, 2.5]),
        NarrativeExample(windows: [[6, 7, 8, 9], [2]], targets: [4, 3]),
    ]

    static func model() throws -> NarrativeModel {
        var model = try NarrativeModel(configuration: configuration, seed: 7)
        model.valenceShift = 3
        model.valenceScale = 0.5
        return model
    }

    static func setParameters(_ model: inout NarrativeModel, _ values: [Float]) {
        let split = model.encoder.parameterCount
        model.encoder.withArenas { p, _, n in values.withUnsafeBufferPointer { p.update(from: $0.baseAddress!, count: n) } }
        model.withArenas { p, _, n in values.withUnsafeBufferPointer { p.update(from: $0.baseAddress! + split, count: n) } }
    }

    /// Every parameter (encoder, LSTM, output) against central differences of the per-window predictions.
    @Test func wholeModelBackwardMatchesFiniteDifferences() throws {
        var model = try Self.model()
        let initial = model.encoder.parameterValues + model.withArenas { p, _, n in Array(UnsafeBufferPointer(start: p, count: n)) }
        GradientCheck(samples: 150).check(
            label: "NarrativeModel", parameters: initial, input: [],
            forward: { p, _ in
                Self.setParameters(&model, p)
                var rng = SplitMix64(seed: 0)
                return model.run(Self.examples, training: false, rng: &rng).predictions
            },
            backward: { p, _, dy in
                Self.setParameters(&model, p)
                model.zeroGradients()
                var rng = SplitMix64(seed: 0)
                let pass = model.run(Self.examples, training: false, rng: &rng)
                model.backward(pass, dPredictions: dy, training: false)
                let head = model.withArenas { _, g, n in Array(UnsafeBufferPointer(start: g, count: n)) }
                return (model.encoder.gradientValues + head, [])
            },
            checkInput: false)
    }

    /// The LSTM and output gradients are exercised by the sampled check; make sure they are not all zero.
    @Test func lossGradientReachesEveryPart() throws {
        var model = try Self.model()
        var rng = SplitMix64(seed: 0)
        model.zeroGradients()
        let loss = model.lossAndBackward(Self.examples, training: false, rng: &rng)
        #expect(loss > 0 && loss.isFinite)
        let head = model.withArenas { _, g, n in Array(UnsafeBufferPointer(start: g, count: n)) }
        for entry in model.layout.entries {
            #expect(head[entry.offset..<(entry.offset + entry.count)].contains { $0 != 0 }, "\(entry.name)")
        }
        let encoder = model.encoder.gradientValues
        let pooling = try #require(model.encoder.layout.entry(named: "pooling.hidden.weight"))
        #expect(encoder[pooling.offset..<(pooling.offset + pooling.count)].contains { $0 != 0 })
        let classifier = try #require(model.encoder.layout.entry(named: "classifier.output.weight"))
        #expect(encoder[classifier.offset..<(classifier.offset + classifier.count)].allSatisfy { $0 == 0 })
    }

    /// MSE over rated windows only: the unrated window gets no gradient, the loss is the mean of 4 terms.
    @Test func lossSkipsUnratedWindows() throws {
        var model = try Self.model()
        var rng = SplitMix64(seed: 0)
        let pass = model.run(Self.examples, training: false, rng: &rng)
        let (loss, gradient) = NarrativeModel.loss(pass, examples: Self.examples)
        let t = pass.shape.length
        let terms: [(Int, Float)] = [(0, 3.5), (2, 2.5), (t, 4), (t + 1, 3)]
        let expected = terms.map { (pass.predictions[$0.0] - $0.1) * (pass.predictions[$0.0] - $0.1) }.reduce(0, +) / 4
        #expect(abs(loss - expected) < 1e-5)
        #expect(gradient[1] == 0 && gradient[t + 2] == 0)
    }

    /// A narrative's predictions do not depend on what else is in the batch (padding of windows and words).
    @Test func predictionsIndependentOfBatching() throws {
        var model = try Self.model()
        let together = model.predict(Self.examples, batchSize: 2)
        let apart = model.predict(Self.examples, batchSize: 1)
        for (a, b) in zip(together.joined(), apart.joined()) { #expect(abs(a - b) < 1e-5) }
        #expect(together.map(\.count) == [3, 2])
    }

    @Test func traceGivesMapsForWordsAndNilForEmptyWindows() throws {
        var model = try Self.model()
        let traces = model.trace(Self.examples[0])
        #expect(traces.count == 3)
        #expect(traces[1].maps == nil)
        let first = try #require(traces[0].maps)
        #expect(first.tokens == 3 && first.layers == 2 && first.heads == 2)
        #expect(abs(first.context.reduce(0, +) - 1) < 1e-5)
        let lat = LayerwiseAttentionTracing().attribute(first)
        #expect(lat.scores.count == 3)
        #expect(abs(lat.scores.reduce(0, +) - 2) < 1e-4)  // H chains of mass 1
        let predicted = model.predict([Self.examples[0]])[0]
        for (trace, value) in zip(traces, predicted) { #expect(abs(trace.predicted - value) < 1e-6) }
    }

    @Test func rejectsImpossibleConfiguration() {
        #expect(throws: AtlasError.self) {
            _ = try NarrativeModel(configuration: .init(encoder: Self.encoder, recurrentWidth: 0), seed: 0)
        }
    }

    /// A few dozen Adam steps on two narratives drive the training loss down (the pieces learn together).
    @Test func trainerFitsTinyData() throws {
        var model = try Self.model()
        var options = NarrativeTrainingOptions()
        options.epochs = 40
        options.batchSize = 2
        options.warmupSteps = 0
        options.learningRate = 1e-2
        options.threads = 1
        var rng = SplitMix64(seed: 0)
        let before = model.lossAndBackward(Self.examples, training: false, rng: &rng)
        model.zeroGradients()
        let history = NarrativeTrainer.train(&model, training: Self.examples, development: Self.examples, options: options)
        let after = model.lossAndBackward(Self.examples, training: false, rng: &rng)
        #expect(history.failure == nil)
        #expect(history.steps == 40)
        #expect(after < before * 0.2, "loss \(before) → \(after)")
        #expect(history.bestEpoch != nil && history.developmentConcordances.count == 40)
        #expect(history.bestDevelopment!.concordance == history.developmentConcordances.max())
    }
}
