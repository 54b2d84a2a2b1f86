// ModelConfigurationTests: defaults, snake_case coding, and validation that names the bad field.
import Foundation
import Testing
@testable import Core

@Suite struct ModelConfigurationTests {
    @Test func defaultsArePublishedSizes() {
        let c = ModelConfiguration()
        #expect((c.modelWidth, c.layers, c.heads, c.keyWidth, c.valueWidth, c.feedForwardWidth) == (300, 6, 8, 64, 64, 64))
        #expect((c.poolingHidden, c.classifierHidden, c.outputs, c.positional) == (128, 64, 5, .none))
    }

    @Test func decodesSnakeCaseSubset() throws {
        let json = #"{"model_width": 16, "layers": 2, "positional": "sinusoidal", "pretrained_embedding_width": 50}"#
        let c = try JSONDecoder().decode(ModelConfiguration.self, from: Data(json.utf8))
        #expect(c.modelWidth == 16 && c.layers == 2 && c.positional == .sinusoidal && c.pretrainedEmbeddingWidth == 50)
        #expect(c.heads == 8, "missing keys keep defaults")
        let round = try JSONDecoder().decode(ModelConfiguration.self, from: JSONEncoder().encode(c))
        #expect(round == c)
        let encoded = String(decoding: try JSONEncoder().encode(c), as: UTF8.self)
        #expect(encoded.contains("\"feed_forward_width\""))
    }

    @Test(arguments: [
        ("heads", ModelConfiguration(heads: 0)),
        ("layers", ModelConfiguration(layers: 0)),
        ("model_width", ModelConfiguration(modelWidth: 0)),
        ("dropout", ModelConfiguration(dropout: 1)),
        ("outputs", ModelConfiguration(outputs: 5, objective: .regression)),
        ("target_scale", ModelConfiguration(outputs: 1, objective: .regression, targetScale: 0)),
        ("target_mean", ModelConfiguration(targetMean: 3)),  // classification does not standardise
    ])
    func validationNamesTheField(field: String, configuration: ModelConfiguration) {
        #expect(throws: AtlasError.self) { try configuration.validate() }
        do {
            try configuration.validate()
        } catch let error as AtlasError {
            #expect(error.message.hasPrefix(field + " "), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: AtlasError.self) { _ = try SentimentTransformer(configuration: configuration, seed: 0) }
    }
}
