// BertConfiguration: the sizes of a Hugging Face BERT-family encoder, decoded from its config.json.
import Foundation

/// The hyper-parameters of a BERT encoder (Devlin et al. 2019, arXiv:1810.04805), keyed like the
/// Hugging Face `config.json`. all-MiniLM-L6-v2: D = 384, 6 layers, 12 heads, F = 1536, 512 positions,
/// 2 token types, 30 522 word pieces, ε = 1e-12, GELU.
///
/// Only what this encoder implements is accepted: `model_type` "bert" (or absent), `hidden_act`
/// "gelu" (the exact erf form), absolute positions, and D divisible by the head count.
public struct BertConfiguration: Codable, Equatable, Sendable {
    public var hiddenSize: Int
    public var layers: Int
    public var heads: Int
    public var intermediateSize: Int
    public var maxPositions: Int
    public var typeVocabularySize: Int
    public var vocabularySize: Int
    public var layerNormEpsilon: Float
    public var hiddenActivation: String
    public var modelType: String?
    public var positionEmbeddingType: String?
    /// Dropout of fine-tuning (`hidden_dropout_prob`: embeddings and both residual branches;
    /// `attention_probs_dropout_prob`: the softmax probabilities; `classifier_dropout`: the pooled vector, the hidden
    /// rate when null). Unused by the frozen encoder; absent means 0.
    public var hiddenDropout: Float?
    public var attentionDropout: Float?
    public var classifierDropout: Float?

    enum CodingKeys: String, CodingKey {
        case hiddenSize = "hidden_size"
        case layers = "num_hidden_layers"
        case heads = "num_attention_heads"
        case intermediateSize = "intermediate_size"
        case maxPositions = "max_position_embeddings"
        case typeVocabularySize = "type_vocab_size"
        case vocabularySize = "vocab_size"
        case layerNormEpsilon = "layer_norm_eps"
        case hiddenActivation = "hidden_act"
        case modelType = "model_type"
        case positionEmbeddingType = "position_embedding_type"
        case hiddenDropout = "hidden_dropout_prob"
        case attentionDropout = "attention_probs_dropout_prob"
        case classifierDropout = "classifier_dropout"
    }

    public init(hiddenSize: Int, layers: Int, heads: Int, intermediateSize: Int, maxPositions: Int,
                typeVocabularySize: Int, vocabularySize: Int, layerNormEpsilon: Float = 1e-12,
                hiddenActivation: String = "gelu") {
        self.hiddenSize = hiddenSize
        self.layers = layers
        self.heads = heads
        self.intermediateSize = intermediateSize
        self.maxPositions = maxPositions
        self.typeVocabularySize = typeVocabularySize
        self.vocabularySize = vocabularySize
        self.layerNormEpsilon = layerNormEpsilon
        self.hiddenActivation = hiddenActivation
        modelType = "bert"
        positionEmbeddingType = "absolute"
    }

    /// The config.json fields without which an encoder cannot be built.
    public static let requiredKeys = ["hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size",
                                      "max_position_embeddings", "type_vocab_size", "vocab_size", "layer_norm_eps",
                                      "hidden_act"]

    /// Per-head width D / H.
    public var headWidth: Int { hiddenSize / heads }

    /// Decodes config.json text and validates it. `source` names the file in errors; a missing
    /// field is reported by its JSON name.
    public static func decode(_ data: Data, source: String) throws -> BertConfiguration {
        let configuration: BertConfiguration
        do {
            configuration = try JSONDecoder().decode(BertConfiguration.self, from: data)
        } catch DecodingError.keyNotFound(let key, _) {
            let present = ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]).map { Set($0.keys) } ?? []
            let missing = requiredKeys.filter { !present.contains($0) }
            let names = (missing.isEmpty ? [key.stringValue] : missing).map { "\"\($0)\"" }.joined(separator: ", ")
            throw AtlasError(source: source, message: "config.json has no \(names)",
                             hint: "a BERT-family config.json needs hidden_size, num_hidden_layers, num_attention_heads, "
                                 + "intermediate_size, max_position_embeddings, type_vocab_size, vocab_size, "
                                 + "layer_norm_eps and hidden_act")
        } catch {
            throw AtlasError(source: source, message: "config.json is not a BERT configuration: \(error)")
        }
        try configuration.validate(source: source)
        return configuration
    }

    /// Refuses architectures this encoder does not implement, naming the field.
    public func validate(source: String) throws {
        func refuse(_ message: String, _ hint: String) -> AtlasError {
            AtlasError(source: source, message: message, hint: hint)
        }
        if let modelType, modelType != "bert" {
            throw refuse("model_type \"\(modelType)\" is not supported",
                         "only BERT-family encoders (model_type \"bert\") can be loaded")
        }
        guard hiddenActivation == "gelu" else {
            throw refuse("hidden_act \"\(hiddenActivation)\" is not supported",
                         "only \"gelu\" (the exact erf form) is implemented")
        }
        if let positionEmbeddingType, positionEmbeddingType != "absolute" {
            throw refuse("position_embedding_type \"\(positionEmbeddingType)\" is not supported",
                         "only absolute position embeddings are implemented")
        }
        let sizes = [("hidden_size", hiddenSize), ("num_hidden_layers", layers), ("num_attention_heads", heads),
                     ("intermediate_size", intermediateSize), ("max_position_embeddings", maxPositions),
                     ("type_vocab_size", typeVocabularySize), ("vocab_size", vocabularySize)]
        for (name, value) in sizes where value < 1 {
            throw refuse("\(name) is \(value)", "every size must be at least 1")
        }
        guard hiddenSize % heads == 0 else {
            throw refuse("hidden_size \(hiddenSize) is not divisible by num_attention_heads \(heads)",
                         "each head takes hidden_size / num_attention_heads dimensions")
        }
        for (name, rate) in [("hidden_dropout_prob", hiddenDropout), ("attention_probs_dropout_prob", attentionDropout),
                             ("classifier_dropout", classifierDropout)] {
            if let rate, !(rate >= 0 && rate < 1) { throw refuse("\(name) is \(rate)", "a dropout rate is in [0, 1)") }
        }
        guard layerNormEpsilon > 0 else { throw refuse("layer_norm_eps is \(layerNormEpsilon)", "it must be positive") }
    }
}
