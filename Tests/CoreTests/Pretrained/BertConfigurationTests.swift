// BertConfigurationTests: config.json decoding and the refusal of what the encoder does not implement.
import Foundation
import Testing
@testable import Core

@Suite struct BertConfigurationTests {
    static let miniLM = """
    {"architectures": ["BertModel"], "hidden_act": "gelu", "hidden_size": 384, "intermediate_size": 1536,
     "layer_norm_eps": 1e-12, "max_position_embeddings": 512, "model_type": "bert", "num_attention_heads": 12,
     "num_hidden_layers": 6, "pad_token_id": 0, "position_embedding_type": "absolute", "type_vocab_size": 2,
     "vocab_size": 30522}
    """

    @Test func decodesMiniLM() throws {
        let c = try BertConfiguration.decode(Data(Self.miniLM.utf8), source: "config.json")
        #expect(c == BertConfiguration(hiddenSize: 384, layers: 6, heads: 12, intermediateSize: 1536, maxPositions: 512,
                                       typeVocabularySize: 2, vocabularySize: 30522, layerNormEpsilon: 1e-12))
        #expect(c.headWidth == 32)
    }

    /// A configuration of another family (here a GPT-2-style one) is refused with every missing field named.
    @Test func namesEveryMissingField() {
        let gpt2 = #"{"model_type": "gpt2", "n_embd": 768, "n_layer": 12, "n_head": 12, "vocab_size": 50257, "layer_norm_epsilon": 1e-5}"#
        do {
            _ = try BertConfiguration.decode(Data(gpt2.utf8), source: "g/config.json")
            Issue.record("accepted a GPT-2 configuration")
        } catch let error as AtlasError {
            #expect(error.message == "config.json has no \"hidden_size\", \"num_hidden_layers\", \"num_attention_heads\", "
                    + "\"intermediate_size\", \"max_position_embeddings\", \"type_vocab_size\", \"layer_norm_eps\", \"hidden_act\"")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: [
        ("\"hidden_act\": \"gelu\"", "\"hidden_act\": \"relu\"", "hidden_act \"relu\" is not supported"),
        ("\"model_type\": \"bert\"", "\"model_type\": \"gpt2\"", "model_type \"gpt2\" is not supported"),
        ("\"position_embedding_type\": \"absolute\"", "\"position_embedding_type\": \"relative_key\"",
         "position_embedding_type \"relative_key\" is not supported"),
        ("\"num_attention_heads\": 12", "\"num_attention_heads\": 7",
         "hidden_size 384 is not divisible by num_attention_heads 7"),
        ("\"vocab_size\": 30522", "\"vocab_size\": 0", "vocab_size is 0"),
        ("\"intermediate_size\": 1536,", "", "config.json has no \"intermediate_size\""),
    ])
    func refusesWhatIsNotImplemented(original: String, replacement: String, message: String) {
        let text = Self.miniLM.replacingOccurrences(of: original, with: replacement)
        #expect(text != Self.miniLM)
        do {
            _ = try BertConfiguration.decode(Data(text.utf8), source: "m/config.json")
            Issue.record("accepted \(replacement)")
        } catch let error as AtlasError {
            #expect(error.source == "m/config.json")
            #expect(error.message == message)
            #expect(error.hint != nil)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
