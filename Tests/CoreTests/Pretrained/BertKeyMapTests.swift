// BertKeyMapTests: every Hugging Face BERT name lands on a layout name; ignored and unknown names are told apart.
import Testing
@testable import Core

@Suite struct BertKeyMapTests {
    @Test(arguments: [
        ("embeddings.word_embeddings.weight", "embeddings.word.weight"),
        ("bert.embeddings.position_embeddings.weight", "embeddings.position.weight"),
        ("embeddings.token_type_embeddings.weight", "embeddings.token_type.weight"),
        ("embeddings.LayerNorm.gamma", "embeddings.norm.weight"),
        ("embeddings.LayerNorm.bias", "embeddings.norm.bias"),
        ("encoder.layer.0.attention.self.query.weight", "encoder.layers.0.attention.query.weight"),
        ("encoder.layer.3.attention.self.key.bias", "encoder.layers.3.attention.key.bias"),
        ("bert.encoder.layer.5.attention.self.value.weight", "encoder.layers.5.attention.value.weight"),
        ("encoder.layer.1.attention.output.dense.weight", "encoder.layers.1.attention.output.weight"),
        ("encoder.layer.1.attention.output.LayerNorm.beta", "encoder.layers.1.attention_norm.bias"),
        ("encoder.layer.11.intermediate.dense.bias", "encoder.layers.11.feed_forward.inner.bias"),
        ("encoder.layer.2.output.dense.weight", "encoder.layers.2.feed_forward.outer.weight"),
        ("encoder.layer.2.output.LayerNorm.weight", "encoder.layers.2.feed_forward_norm.weight"),
    ])
    func mapsHuggingFaceNames(checkpoint: String, layout: String) {
        #expect(BertKeyMap.target(for: checkpoint) == .parameter(layout))
    }

    @Test func everyLayoutNameIsReachable() throws {
        let c = BertConfiguration(hiddenSize: 4, layers: 2, heads: 2, intermediateSize: 6, maxPositions: 5,
                                  typeVocabularySize: 2, vocabularySize: 7)
        let layout = try BertEncoder(configuration: c, seed: 1).layout
        let huggingFace = Self.huggingFaceNames(layers: 2)
        let mapped = Set(huggingFace.compactMap { name -> String? in
            if case .parameter(let target) = BertKeyMap.target(for: name) { return target }
            return nil
        })
        #expect(mapped == Set(layout.entries.map(\.name)))
        #expect(huggingFace.count == layout.entries.count)
    }

    @Test(arguments: ["pooler.dense.weight", "bert.pooler.dense.bias", "embeddings.position_ids", "classifier.weight",
                      "classifier.bias"])
    func ignoresPoolerClassifierAndPositionIDs(name: String) {
        #expect(BertKeyMap.target(for: name) == .ignored)
    }

    @Test(arguments: ["cls.predictions.bias", "encoder.layer.x.output.dense.weight", "encoder.layer.01.output.dense.weight",
                      "encoder.layer.0.crossattention.self.query.weight", "embeddings.word_embeddings.bias",
                      "encoder.layer.0.output.dense.scale"])
    func refusesUnknownNames(name: String) {
        #expect(BertKeyMap.target(for: name) == .unknown)
    }

    /// The tensor names of a Hugging Face `BertModel` without pooler, as in all-MiniLM-L6-v2's safetensors.
    static func huggingFaceNames(layers: Int) -> [String] {
        var names = ["embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight",
                     "embeddings.token_type_embeddings.weight", "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias"]
        for l in 0..<layers {
            for part in ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
                         "attention.output.LayerNorm", "intermediate.dense", "output.dense", "output.LayerNorm"] {
                names += ["encoder.layer.\(l).\(part).weight", "encoder.layer.\(l).\(part).bias"]
            }
        }
        return names
    }
}
