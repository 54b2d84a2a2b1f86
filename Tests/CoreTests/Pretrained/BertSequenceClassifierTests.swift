// BertSequenceClassifierTests: fine-tuning through `Trainer` overfits a handful of sentences, a NaN keeps the last
// good parameters, and the exported Hugging Face folder reads back as the same classifier.
import Foundation
import Testing
@testable import Core

@Suite struct BertSequenceClassifierTests {
    static func tiny(dropout: Float) throws -> BertSequenceClassifier {
        var c = BertConfiguration(hiddenSize: 8, layers: 2, heads: 2, intermediateSize: 16, maxPositions: 16,
                                  typeVocabularySize: 2, vocabularySize: 20)
        c.hiddenDropout = dropout
        c.attentionDropout = dropout
        let encoder = try BertEncoder(configuration: c, seed: 3)
        return BertSequenceClassifier(encoder: encoder, head: BertClassifierHead(width: 8, classes: 3, pooler: nil, seed: 4),
                                      labels: ["negative", "neutral", "positive"])
    }

    /// Six sentences, [CLS]=1 … [SEP]=2, two per class.
    static let examples: [TrainingExample] = [
        ([1, 5, 6, 2], 0), ([1, 7, 5, 9, 2], 0), ([1, 10, 11, 2], 1), ([1, 12, 10, 13, 14, 2], 1),
        ([1, 15, 16, 2], 2), ([1, 17, 15, 2], 2),
    ].map { TrainingExample(ids: $0.0, target: .classIndex($0.1)) }

    @Test func fineTuningOverfitsAHandfulOfSentences() throws {
        var model = try Self.tiny(dropout: 0.1)
        var options = TrainingOptions()
        options.learningRate = 1e-2
        options.headLearningRate = 3e-2
        options.batchSize = 3
        options.epochs = 200
        options.warmupSteps = 10
        options.weightDecay = 0.01
        options.evaluateEvery = 0
        options.threads = 1
        let before = model.evaluate(Self.examples, batchSize: 6)
        let history = Trainer(options: options).train(&model, training: Self.examples, development: Self.examples)
        let after = model.evaluate(Self.examples, batchSize: 6)
        #expect(history.failure == nil)
        #expect(after.accuracy == 1, "accuracy \(after.accuracy ?? 0)")
        #expect(after.loss < 0.05 && after.loss < before.loss / 10, "loss \(before.loss) → \(after.loss)")
    }

    @Test func everyEncoderTensorHasAHuggingFaceNameThatMapsBack() throws {
        let model = try Self.tiny(dropout: 0)
        for entry in model.encoder.layout.entries {
            let name = try #require(BertKeyMap.checkpointName(for: entry.name), "\(entry.name)")
            #expect(BertKeyMap.target(for: name) == .parameter(entry.name), "\(entry.name) → \(name)")
        }
        #expect(BertKeyMap.checkpointName(for: "pooler.dense.weight") == nil)
    }

    /// Exported model.safetensors + config.json load back (through the same loaders a transformers folder goes
    /// through) as the same classifier: identical logits and label names.
    @Test func theExportedFolderReadsBackAsTheSameClassifier() throws {
        var model = try Self.tiny(dropout: 0.1)
        let bytes = model.safetensors()
        let base = try JSONEncoder().encode(model.encoder.configuration)
        let config = try model.configJSON(base: base, source: "config.json")
        let checkpoint = try Safetensors.decode(bytes, source: "model.safetensors")
        #expect(checkpoint.tensors.map(\.name).contains("bert.pooler.dense.weight"))
        #expect(checkpoint.tensors.map(\.name).contains("classifier.weight"))
        let configuration = try BertConfiguration.decode(config, source: "config.json")
        #expect(configuration == model.encoder.configuration)
        var loaded = BertSequenceClassifier(
            encoder: try BertEncoder(configuration: configuration, checkpoint: checkpoint, source: "model.safetensors"),
            head: try BertClassifierHead(checkpoint: checkpoint, width: 8, source: "model.safetensors"),
            labels: try BertClassifierHead.labelNames(configJSON: config, source: "config.json"))
        #expect(loaded.labels == model.labels)
        let sequences = Self.examples.map(\.ids)
        #expect(loaded.predict(sequences) == model.predict(sequences))
        let object = try #require(try JSONSerialization.jsonObject(with: config) as? [String: Any])
        #expect(object["architectures"] as? [String] == ["BertForSequenceClassification"])
    }

    /// The exported tiny classifier is the folder committed under Fixtures/bert-classifier-export, byte for byte, and
    /// gives the logits transformers computed from that folder (Tests/scripts/bert_classifier_export_check.py:
    /// `AutoModelForSequenceClassification.from_pretrained`). Set ATLAS_WRITE_EXPORT=DIR to write the folder again.
    @Test func transformersReadsTheExportedFolderAsTheSameClassifier() throws {
        var model = try Self.tiny(dropout: 0.1)
        // A head of weights far from its N(0, 0.02²) start, so that the logits differ by order 1 between sentences.
        model.head.parameters = randomValues(model.head.parameters.count, scale: 0.8, seed: 6)
        let config = try model.configJSON(base: JSONEncoder().encode(model.encoder.configuration), source: "config.json")
        let weights = Data(model.safetensors())
        if let folder = ProcessInfo.processInfo.environment["ATLAS_WRITE_EXPORT"] {
            try weights.write(to: URL(fileURLWithPath: folder + "/model.safetensors"))
            try config.write(to: URL(fileURLWithPath: folder + "/config.json"))
        }
        func file(_ name: String, _ ext: String) throws -> URL {
            try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures/bert-classifier-export"))
        }
        #expect(try Data(contentsOf: file("model", "safetensors")) == weights)
        #expect(try Data(contentsOf: file("config", "json")) == config)
        struct Reference: Decodable { var ids: [[Int32]]; var logits: [[Float]]; var labels: [String] }
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: file("transformers-logits", "json")))
        #expect(reference.labels == model.labels)
        // Tolerance as in BertClassifierHeadTests: float32 on both sides, 2 layers of width 8, erf within 5·10⁻⁷.
        for (expected, actual) in zip(reference.logits, model.predict(reference.ids)) {
            for (a, b) in zip(actual, expected) { #expect(abs(a - b) <= 2e-5, "\(actual) vs transformers \(expected)") }
        }
    }
}
