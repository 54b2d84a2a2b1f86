// AttentionPoolingHeadCheckpointTests: the head survives a safetensors round trip; damaged tensors are refused by name.
import Testing
@testable import Core

@Suite struct AttentionPoolingHeadCheckpointTests {
    static let sentences = [
        EncodedSentence(hidden: Tensor(shape: [2, 3], scalars: [1, 0, 0, 0, 1, 0]), label: 0),
        EncodedSentence(hidden: Tensor(shape: [3, 3], scalars: [0, 0, 1, 0, 1, 1, 1, 1, 0]), label: 1),
        EncodedSentence(hidden: Tensor(shape: [1, 3], scalars: [0.5, -1, 2]), label: 1),
    ]

    @Test func roundTripThroughSafetensors() throws {
        let head = AttentionPoolingHead(width: 3, poolingHidden: 4, classes: 2, seed: 3)
        let bytes = Safetensors.encode(head.namedTensors)
        let decoded = try Safetensors.decode(bytes, source: "head.safetensors")
        let loaded = try AttentionPoolingHead(width: 3, poolingHidden: 4, classes: 2, tensors: decoded.tensors, source: "h")
        #expect(loaded.parameters == head.parameters)
        #expect(loaded.evaluate(Self.sentences) == head.evaluate(Self.sentences))
    }

    @Test func evaluationCountsAndAgreesWithPredictions() {
        let head = AttentionPoolingHead(width: 3, poolingHidden: 4, classes: 2, seed: 3)
        let result = head.evaluate(Self.sentences)
        #expect(result.examples == 3)
        #expect(result.accuracy == head.accuracy(Self.sentences))
        #expect(result.confusionMatrix?.flatMap { $0 }.reduce(0, +) == 3)
        #expect(result.loss > 0)
    }

    @Test func missingOrMisshapenTensorsAreRefused() {
        let head = AttentionPoolingHead(width: 3, poolingHidden: 4, classes: 2, seed: 3)
        var tensors = head.namedTensors
        let dropped = tensors.removeLast().name
        #expect(throws: AtlasError(source: "h", message: "missing head tensor \(dropped)")) {
            _ = try AttentionPoolingHead(width: 3, poolingHidden: 4, classes: 2, tensors: tensors, source: "h")
        }
        #expect(throws: AtlasError.self) {
            _ = try AttentionPoolingHead(width: 3, poolingHidden: 5, classes: 2, tensors: head.namedTensors, source: "h")
        }
    }
}
