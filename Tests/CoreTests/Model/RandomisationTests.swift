// RandomisationTests: the cascade re-initialises exactly its blocks, and a model whose attention is uniform by
// construction gives LAT its known answer.
import Testing
@testable import Core

@Suite struct RandomisationTests {
    static func models() throws -> (trained: SentimentTransformer, initial: SentimentTransformer) {
        let configuration = SentimentTransformerTests.tiny(dropout: 0)
        var trained = try SentimentTransformer(configuration: configuration, seed: 1)
        // Stands in for training: every parameter moved away from its initial value.
        try trained.load(trained.parameters.map { ($0.name, Tensor(shape: $0.tensor.shape, scalars: $0.tensor.scalars.map { $0 + 0.5 })) },
                         source: "test")
        return (trained, try SentimentTransformer(configuration: configuration, seed: 1))
    }

    @Test func eachStepReinitialisesItsBlocksAndTheLastLeavesNothingTrained() throws {
        let (trained, initial) = try Self.models()
        let cascade = trained.randomisationCascade
        #expect(cascade.map(\.label) == ["head", "+ layer 2", "+ layer 1", "+ embeddings (untrained)"])
        let head = try trained.reinitialising(cascade[0].prefixes, from: initial)
        for (name, tensor) in head.parameters {
            let fromInitial = name.hasPrefix("classifier.") || name.hasPrefix("pooling.")
            #expect(tensor == (fromInitial ? initial : trained).parameter(named: name), "\(name)")
        }
        let top = try trained.reinitialising(cascade[1].prefixes, from: initial)
        #expect(top.parameter(named: "encoder.layers.1.attention.query.weight") == initial.parameter(named: "encoder.layers.1.attention.query.weight"))
        #expect(top.parameter(named: "encoder.layers.0.attention.query.weight") == trained.parameter(named: "encoder.layers.0.attention.query.weight"))
        let untrained = try trained.reinitialising(cascade.last!.prefixes, from: initial)
        #expect(untrained.parameterValues == initial.parameterValues)
    }

    /// With every query weight and bias zero, each attention logit is 0 and each row of A^{l,h} is 1/n over the n
    /// real tokens. LAT's chain per head is s^{l−1,h} = s^{l,h} · A^{l,h}: with A = (1/n)·𝟙𝟙ᵀ every entry of the
    /// product is (Σ_i s_i)/n = 1/n, since the context attention sums to 1, whatever α is. So s^{0,h}_j = 1/n for
    /// every head and word, and the summed score is H/n. Float rounding of the n-term sums and of softmax's 1/n:
    /// a few ulps of 1/n, so 1e-6.
    @Test func uniformAttentionGivesLATOneOverNPerHead() throws {
        var (model, _) = try Self.models()
        try model.load(model.parameters.map { name, tensor in
            (name, name.contains(".query.") ? Tensor(shape: tensor.shape, scalars: tensor.scalars.map { _ in 0 }) : tensor)
        }, source: "test")
        var options = TracingOptions()
        options.attentionMethods = [LayerwiseAttentionTracing()]
        options.includesGradients = false
        options.integratedGradients = nil
        let ids: [Int32] = [1, 2, 3, 4, 5]
        let record = Tracer(model: model, options: options)
            .trace([TracingInput(id: "u", tokens: ids.map { "w\($0)" }, ids: ids, label: .classIndex(0))])[0]
        let lat = try #require(record.attributions[.lat])
        let heads = try #require(lat.heads)
        #expect(heads.count == 2)
        for chain in heads { for value in chain[0] { #expect(abs(value - 1.0 / 5) < 1e-6) } }
        for value in lat.scores { #expect(abs(value - 2.0 / 5) < 1e-6) }
    }
}
