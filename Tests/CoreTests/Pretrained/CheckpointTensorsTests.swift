// CheckpointTensorsTests: F32/F16/BF16 decoding, and loading an encoder from checkpoint tensors with every error named.
import Foundation
import Testing
@testable import Core

@Suite struct CheckpointTensorsTests {
    /// Builds safetensors bytes from (name, dtype, shape, raw little-endian data).
    static func file(_ tensors: [(String, String, [Int], [UInt8])]) -> [UInt8] {
        var offset = 0
        var entries: [String] = []
        for (name, dtype, shape, data) in tensors {
            entries.append("\"\(name)\":{\"dtype\":\"\(dtype)\",\"shape\":\(shape),\"data_offsets\":[\(offset),\(offset + data.count)]}")
            offset += data.count
        }
        let header = Array("{\(entries.joined(separator: ","))}".utf8)
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: header.count >> (8 * $0)) } + header
        for (_, _, _, data) in tensors { bytes += data }
        return bytes
    }

    static func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
        values.flatMap { value in (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    }

    @Test func decodesFloatTypesAndSetsIntegersAside() throws {
        // F16: 1.0 = 0x3C00, −2.5 = 0xC100, 2⁻²⁴ (smallest subnormal) = 0x0001, 65504 = 0x7BFF.
        // BF16: 1.0 = 0x3F80, −0.15625 = 0xBE20.
        let bytes = Self.file([
            ("a", "F32", [2], Self.littleEndian([Float(1.5).bitPattern, Float(-3).bitPattern])),
            ("b", "F16", [2, 2], Self.littleEndian([UInt16(0x3C00), 0xC100, 0x0001, 0x7BFF])),
            ("c", "BF16", [2], Self.littleEndian([UInt16(0x3F80), 0xBE20])),
            ("embeddings.position_ids", "I64", [1, 2], Self.littleEndian([Int64(0), 1])),
        ])
        let decoded = try CheckpointTensors.decode(bytes, source: "m.safetensors")
        #expect(decoded.tensors["a"] == Tensor(shape: [2], scalars: [1.5, -3]))
        #expect(decoded.tensors["b"] == Tensor(shape: [2, 2], scalars: [1, -2.5, 0x1p-24, 65504]))
        #expect(decoded.tensors["c"] == Tensor(shape: [2], scalars: [1, -0.15625]))
        #expect(decoded.storedTypes == ["a": "F32", "b": "F16", "c": "BF16"])
        #expect(decoded.integerTensors == ["embeddings.position_ids": "I64"])
    }

    @Test func refusesTruncatedData() {
        var bytes = Self.file([("a", "F32", [2], Self.littleEndian([Float(1).bitPattern, Float(2).bitPattern]))])
        bytes.removeLast()
        #expect(throws: AtlasError.self) { try CheckpointTensors.decode(bytes, source: "m") }
    }

    static let tiny = BertConfiguration(hiddenSize: 4, layers: 1, heads: 2, intermediateSize: 6, maxPositions: 5,
                                        typeVocabularySize: 2, vocabularySize: 7)

    /// A complete checkpoint for `tiny` in Hugging Face names, from a random encoder (so values round-trip).
    static func checkpoint() throws -> (CheckpointTensors, BertEncoder) {
        let encoder = try BertEncoder(configuration: tiny, seed: 3)
        var tensors: [String: Tensor] = [:]
        for name in BertKeyMapTests.huggingFaceNames(layers: 1) {
            guard case .parameter(let target) = BertKeyMap.target(for: name) else { continue }
            tensors["bert." + name] = encoder.parameter(named: target)!
        }
        tensors["bert.pooler.dense.weight"] = Tensor(zeros: [4, 4])
        return (CheckpointTensors(tensors: tensors, storedTypes: [:], integerTensors: ["bert.embeddings.position_ids": "I64"]),
                encoder)
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
        func message(_ change: (inout CheckpointTensors) -> Void) -> String? {
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
        #expect(message { $0.tensors["bert.encoder.layer.0.output.dense.bias"] = nil }
                == "missing 1 tensor(s): encoder.layers.0.feed_forward.outer.bias")
        #expect(message { $0.tensors["cls.predictions.bias"] = Tensor(zeros: [7]) } == "unknown tensor \"cls.predictions.bias\"")
        #expect(message { $0.tensors["bert.embeddings.LayerNorm.weight"] = Tensor(zeros: [5]) }
                == "tensor \"bert.embeddings.LayerNorm.weight\" has shape [5], expected [4]")
        #expect(message { $0.tensors["encoder.layer.0.output.dense.bias"] = Tensor(zeros: [4]) }
                == "tensors \"bert.encoder.layer.0.output.dense.bias\" and \"encoder.layer.0.output.dense.bias\" both provide encoder.layers.0.feed_forward.outer.bias")
        #expect(message { $0.tensors["encoder.layer.1.output.dense.bias"] = Tensor(zeros: [4]) }
                == "tensor \"encoder.layer.1.output.dense.bias\" has no place in a 1-layer encoder")
        #expect(message { $0.integerTensors["token_ids"] = "I32" }
                == "tensor \"token_ids\" has integer dtype I32 and is not a BERT weight")
    }
}
