// BertFineTuningStepTests: two fine-tuning steps of BertSequenceClassifier against the same two steps in PyTorch
// (Tests/scripts/bert_fine_tuning_step_reference.py on the tiny transformers classifier of Fixtures/bert-classifier):
// loss, gradient norm, every gradient, and every parameter after AdamW with clipping, two rates and weight decay.
import Foundation
import Testing
@testable import Core

@Suite struct BertFineTuningStepTests {
    struct Reference: Decodable {
        struct Batch: Decodable { var ids: [[Int32]]; var lengths: [Int]; var targets: [Int] }
        struct Step: Decodable { var loss: Float; var gradient_norm: Float; var rate_factor: Float; var logits: [[Float]] }
        var encoder_learning_rate: Float
        var head_learning_rate: Float
        var weight_decay: Float
        var clip_norm: Float
        var batches: [Batch]
        var steps: [Step]
        var gradients_step_1: [String: [Float]]
        var parameters_after: [String: [Float]]
    }

    static func file(_ name: String, _ ext: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures/bert-classifier"))
    }

    /// The classifier transformers saved, with every dropout rate 0 (the script runs it in eval mode).
    static func classifier() throws -> BertSequenceClassifier {
        let configURL = try file("config", "json"), weightsURL = try file("model", "safetensors")
        var configuration = try BertConfiguration.decode(Data(contentsOf: configURL), source: configURL.path)
        configuration.hiddenDropout = 0
        configuration.attentionDropout = 0
        configuration.classifierDropout = 0
        let checkpoint = try Safetensors.decode([UInt8](Data(contentsOf: weightsURL)), source: weightsURL.path)
        let encoder = try BertEncoder(configuration: configuration, checkpoint: checkpoint, source: weightsURL.path)
        let head = try BertClassifierHead(checkpoint: checkpoint, width: configuration.hiddenSize, source: weightsURL.path)
        return BertSequenceClassifier(encoder: encoder, head: head)
    }

    /// A Hugging Face parameter name → (part, layout name): the encoder's through `BertKeyMap`, the head's without
    /// the `bert.` prefix.
    static func place(_ name: String) -> (encoder: Bool, name: String) {
        if case .parameter(let target) = BertKeyMap.target(for: name) { return (true, target) }
        return (false, name.hasPrefix("bert.") ? String(name.dropFirst(5)) : name)
    }

    static func values(_ model: BertSequenceClassifier, _ name: String, gradients: Bool) throws -> [Float] {
        let (encoder, target) = place(name)
        let layout = encoder ? model.encoder.layout : model.head.layout
        let entry = try #require(layout.entry(named: target), "\(name) → \(target)")
        let arena = encoder ? (gradients ? model.encoderGradients : model.encoder.withParameters { Array($0) })
                            : (gradients ? model.headGradients : model.head.parameters)
        return Array(arena[entry.offset..<(entry.offset + entry.count)])
    }

    /// Tolerances. Both sides run float32 on values of order 1 through 2 layers of width 8, and the GELU's erf here is
    /// a polynomial within 5·10⁻⁷ of transformers' exact one: the gradients agree to a few 10⁻⁶ of their scale, so
    /// 2·10⁻⁵ + 10⁻⁴·|g| is tight while a wrong term (a missing mask, a halved table) is off by 10⁻² or more. After the
    /// steps, a parameter moved by ≈ rate × m̂/√v̂ (≤ 0.05 here) carries that relative error: 10⁻⁵ + 10⁻⁴·|θ|.
    static func close(_ a: Float, _ b: Float, absolute: Float, relative: Float) -> Bool {
        abs(a - b) <= absolute + relative * abs(b)
    }

    @Test func twoAdamWStepsMatchPyTorch() throws {
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: Self.file("fine-tuning-step", "json")))
        var model = try Self.classifier()
        var options = TrainingOptions()
        options.learningRate = reference.encoder_learning_rate
        options.headLearningRate = reference.head_learning_rate
        options.weightDecay = reference.weight_decay
        var optimiser = model.makeOptimiser(options)
        model.zeroGradients()
        var rng = SplitMix64(seed: 0)
        for (index, (batch, step)) in zip(reference.batches, reference.steps).enumerated() {
            let tokens = TokenBatch(padding: zip(batch.ids, batch.lengths).map { Array($0.prefix($1)) })
            let logits = model.logits(tokens)
            for (row, expected) in step.logits.enumerated() {
                for (k, value) in expected.enumerated() {
                    #expect(Self.close(logits.scalars[row * 3 + k], value, absolute: 2e-5, relative: 1e-4),
                            "step \(index + 1) logit [\(row), \(k)]")
                }
            }
            let loss = model.trainingLoss(batch: tokens, targets: batch.targets.map { .classIndex($0) }, rng: &rng)
            let norm = model.gradientNorm(threads: 1)
            #expect(Self.close(loss, step.loss, absolute: 2e-5, relative: 1e-5), "step \(index + 1) loss")
            #expect(Self.close(norm, step.gradient_norm, absolute: 2e-5, relative: 1e-4), "step \(index + 1) norm")
            if index == 0 {
                #expect(Set(reference.gradients_step_1.keys.map { Self.place($0).name })
                        == Set(model.encoder.layout.entries.map(\.name) + model.head.layout.entries.map(\.name)),
                        "every parameter of both sides is compared")
                for (name, expected) in reference.gradients_step_1.sorted(by: { $0.key < $1.key }) {
                    let actual = try Self.values(model, name, gradients: true)
                    // Scaled to the tensor: some gradients here are of order 10⁻⁶ in all (layer 1's query and key).
                    let scale = expected.map(abs).max() ?? 0
                    let bad = zip(actual, expected).filter { !Self.close($0, $1, absolute: 1e-4 * scale + 1e-9, relative: 0) }.count
                    #expect(actual.count == expected.count && bad == 0, "∂loss/∂\(name): \(bad) of \(expected.count) off")
                    if name.hasSuffix("attention.self.key.bias") {
                        #expect((actual + expected).allSatisfy { abs($0) < 1e-6 }, "\(name): \(actual) is not ~0")
                    }
                }
            }
            model.update(&optimiser, learningRate: reference.encoder_learning_rate * step.rate_factor,
                         gradientScale: clippingScale(norm: norm, maxNorm: reference.clip_norm), threads: 1)
        }
        for (name, expected) in reference.parameters_after.sorted(by: { $0.key < $1.key }) {
            let actual = try Self.values(model, name, gradients: false)
            // The key bias's true gradient is 0 (softmax ignores a shift common to a query's scores), so both sides
            // hold float noise there, and Adam turns noise into a ±rate step with the noise's sign: step 1 checked
            // that the gradient is noise on both sides instead.
            if name.hasSuffix("attention.self.key.bias") { continue }
            let bad = zip(actual, expected).filter { !Self.close($0, $1, absolute: 1e-5, relative: 1e-4) }.count
            #expect(actual.count == expected.count && bad == 0, "\(name) after 2 steps: \(bad) of \(expected.count) off")
        }
    }
}
