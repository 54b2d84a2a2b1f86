// BertClassifierHeadTests: a Hugging Face BertForSequenceClassification folder, saved by transformers
// (Tests/scripts/bert_classifier_reference.py: a tiny random classifier, 2 layers, hidden 8, 3 named labels), read
// here as it is — encoder and pooler + classifier — gives transformers' logits and its gradient at [CLS].
import Foundation
import Testing
@testable import Core

@Suite struct BertClassifierHeadTests {
    struct Reference: Decodable {
        var ids: [[Int32]]
        var lengths: [Int]
        var logits: [[Float]]
        var d_logit2_d_cls: [[Float]]
        var labels: [String]
    }

    static func file(_ name: String, _ ext: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures/bert-classifier"))
    }

    /// Tolerance: both sides run float32 on values of order 1 through 2 layers of width 8; the GELU's erf here is a
    /// polynomial within 5·10⁻⁷ of the exact one transformers uses, and the reference is rounded to 10⁻⁶, so agreement
    /// is expected to a few 10⁻⁶; 2·10⁻⁵ leaves room without hiding a wrong tensor (the two sequences' logits differ by
    /// 10⁻³, a swapped or missing weight by 10⁻¹).
    static let tolerance: Float = 2e-5

    @Test func readsTheClassifierAsTransformersSavedItAndGivesItsLogits() throws {
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: Self.file("reference", "json")))
        let configURL = try Self.file("config", "json"), weightsURL = try Self.file("model", "safetensors")
        let configuration = try BertConfiguration.decode(Data(contentsOf: configURL), source: configURL.path)
        let checkpoint = try Safetensors.decode([UInt8](Data(contentsOf: weightsURL)), source: weightsURL.path)
        var encoder = try BertEncoder(configuration: configuration, checkpoint: checkpoint, source: weightsURL.path)
        let head = try BertClassifierHead(checkpoint: checkpoint, width: configuration.hiddenSize, source: weightsURL.path)
        #expect(head.classes == 3)
        #expect(try BertClassifierHead.labelNames(configJSON: Data(contentsOf: configURL), source: configURL.path)
                == reference.labels)

        let sequences = zip(reference.ids, reference.lengths).map { Array($0.prefix($1)) }
        let hidden = encoder.forward(TokenBatch(padding: sequences)).lastHidden
        // ∂ logit 2 / ∂h, as the script asks of torch.
        let pass = head.run(hidden: hidden) { logits in
            (0..<logits.shape[0]).flatMap { _ in [0, 0, 1] as [Float] }
        }
        for (row, expected) in reference.logits.enumerated() {
            for (k, value) in expected.enumerated() {
                #expect(abs(pass.logits.scalars[row * 3 + k] - value) <= Self.tolerance, "logit [\(row), \(k)]")
            }
        }
        let gradient = try #require(pass.hiddenGradient)
        let t = gradient.shape[1], d = configuration.hiddenSize
        for (row, expected) in reference.d_logit2_d_cls.enumerated() {
            for (i, value) in expected.enumerated() {
                #expect(abs(gradient.scalars[row * t * d + i] - value) <= Self.tolerance, "∂/∂h_CLS [\(row), \(i)]")
            }
            #expect(gradient.scalars[(row * t * d + d)..<((row + 1) * t * d)].allSatisfy { $0 == 0 },
                    "only [CLS] reaches the classifier")
        }
    }

    @Test func aCheckpointWithoutAClassifierIsRefusedByName() throws {
        let weightsURL = try Self.file("model", "safetensors")
        var checkpoint = try Safetensors.decode([UInt8](Data(contentsOf: weightsURL)), source: "m.safetensors")
        checkpoint.tensors.removeAll { $0.name.hasPrefix("classifier.") }
        #expect(throws: AtlasError(source: "m.safetensors", message: "no tensor \"classifier.weight\"",
                                   hint: "a BertForSequenceClassification checkpoint holds bert.pooler.dense.* and classifier.*")) {
            _ = try BertClassifierHead(checkpoint: checkpoint, width: 8, source: "m.safetensors")
        }
    }
}
