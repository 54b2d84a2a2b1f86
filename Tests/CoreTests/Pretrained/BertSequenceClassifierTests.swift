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
}
