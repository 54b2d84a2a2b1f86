// BertEncoderLoadingTests: loading an encoder from decoded checkpoint tensors, with every error named.
import Testing
@testable import Core

@Suite struct BertEncoderLoadingTests {
    static let tiny = BertConfiguration(hiddenSize: 4, layers: 1, heads: 2, intermediateSize: 6, maxPositions: 5,
                                        typeVocabularySize: 2, vocabularySize: 7)

    /// A complete checkpoint for `tiny` in Hugging Face names, from a random encoder (so values round-trip).
    static func checkpoint() throws -> (Safetensors.Contents, BertEncoder) {
        let encoder = try BertEncoder(configuration: tiny, seed: 3)
        var tensors: [(name: String, tensor: Tensor)] = []
        for name in BertKeyMapTests.huggingFaceNames(layers: 1) {
            guard case .parameter(let target) = BertKeyMap.target(for: name) else { continue }
            tensors.append(("bert." + name, encoder.parameter(named: target)!))
        }
        tensors.append(("bert.pooler.dense.weight", Tensor(zeros: [4, 4])))
        var checkpoint = Safetensors.Contents(tensors: tensors)
        checkpoint.integerTensors = ["bert.embeddings.position_ids": .i64]
        return (checkpoint, encoder)
    }

    @Test func loadsACompleteCheckpoint() throws {
        let (checkpoint, original) = try Self.checkpoint()
        var loaded = try BertEncoder(configuration: Self.tiny, checkpoint: checkpoint, source: "m")
        var reference = original
        let batch = TokenBatch(padding: [[1, 2, 3]])
        #expect(loaded.forward(batch).lastHidden == reference.forward(batch).lastHidden)
    }

    @Test func namesWhatIsWrong() throws {
        let (complete, _) = try Self.checkpoint()
        func message(_ change: (inout Safetensors.Contents) -> Void) -> String? {
            var checkpoint = complete
            change(&checkpoint)
            do {
                _ = try BertEncoder(configuration: Self.tiny, checkpoint: checkpoint, source: "m")
                return nil
            } catch let error as AtlasError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(message { $0[tensor: "bert.encoder.layer.0.output.dense.bias"] = nil }
                == "missing 1 tensor(s): encoder.layers.0.feed_forward.outer.bias")
        #expect(message { $0[tensor: "cls.predictions.bias"] = Tensor(zeros: [7]) } == "unknown tensor \"cls.predictions.bias\"")
        #expect(message { $0[tensor: "bert.embeddings.LayerNorm.weight"] = Tensor(zeros: [5]) }
                == "tensor \"bert.embeddings.LayerNorm.weight\" has shape [5], expected [4]")
        #expect(message { $0[tensor: "encoder.layer.0.output.dense.bias"] = Tensor(zeros: [4]) }
                == "tensors \"bert.encoder.layer.0.output.dense.bias\" and \"encoder.layer.0.output.dense.bias\" both provide encoder.layers.0.feed_forward.outer.bias")
        #expect(message { $0[tensor: "encoder.layer.1.output.dense.bias"] = Tensor(zeros: [4]) }
                == "tensor \"encoder.layer.1.output.dense.bias\" has no place in a 1-layer encoder")
        #expect(message { $0.integerTensors["token_ids"] = .i32 }
                == "tensor \"token_ids\" has integer dtype I32 and is not a BERT weight")
    }
}

extension Safetensors.Contents {
    /// A float tensor by name, set like a dictionary entry (nil removes it), so a test can spoil one checkpoint tensor.
    fileprivate subscript(tensor name: String) -> Tensor? {
        get { tensors.first { $0.name == name }?.tensor }
        set {
            tensors.removeAll { $0.name == name }
            if let newValue { tensors.append((name, newValue)) }
        }
    }
}
