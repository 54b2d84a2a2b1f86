// SentimentTransformerTests: whole-model gradients, input gradients, padding invariance, value semantics.
import Foundation
import Testing
@testable import Core

@Suite struct SentimentTransformerTests {
    static func tiny(objective: Objective = .classification, dropout: Float = 0.1,
                     positional: PositionalEncodingKind = .none, pretrained: Int? = nil,
                     targetMean: Float = 0, targetScale: Float = 1) -> ModelConfiguration {
        ModelConfiguration(vocabularySize: 7, modelWidth: 8, layers: 2, heads: 2, keyWidth: 4, valueWidth: 4,
                           feedForwardWidth: 6, poolingHidden: 5, classifierHidden: 6,
                           outputs: objective == .classification ? 3 : 1, objective: objective, dropout: dropout,
                           classifierDropout: dropout, positional: positional, pretrainedEmbeddingWidth: pretrained,
                           maxLength: 8, targetMean: targetMean, targetScale: targetScale)
    }

    static let batch = TokenBatch(padding: [[1, 2, 3, 4, 5], [6, 2], [3, 3, 1]])

    /// The loss of `model` on the batch, recomputed from `forward` in Double.
    static func loss(_ model: inout SentimentTransformer, _ targets: [TrainingTarget], seed: UInt64) -> Double {
        var rng = SplitMix64(seed: seed)
        let outputs = model.forward(batch: batch, training: true, rng: &rng).outputs
        let c = model.configuration.outputs
        var total = 0.0
        for (b, target) in targets.enumerated() {
            let z = (0..<c).map { Double(outputs[b, $0]) }
            switch target {
            case .classIndex(let y):
                let largest = z.max()!
                total += log(z.map { exp($0 - largest) }.reduce(0, +)) + largest - z[y]
            case .value(let v):
                let difference = (z[0] - Double(v)) / Double(model.configuration.targetScale)
                total += difference * difference
            }
        }
        return total / Double(targets.count)
    }

    @Test(arguments: [
        (Objective.classification, PositionalEncodingKind.none, Int?.none, Float(1)),
        (Objective.classification, PositionalEncodingKind.sinusoidal, Int?.some(3), Float(1)),
        (Objective.classification, PositionalEncodingKind.none, Int?.some(8), Float(1)),  // pretrained width = model width
        (Objective.regression, PositionalEncodingKind.none, Int?.none, Float(1)),
        (Objective.regression, PositionalEncodingKind.none, Int?.none, Float(0.5)),  // standardised targets
    ])
    func parameterGradientsMatchFiniteDifferences(objective: Objective, positional: PositionalEncodingKind, pretrained: Int?,
                                                  targetScale: Float) throws {
        let standardised = targetScale != 1
        var model = try SentimentTransformer(configuration: Self.tiny(objective: objective, positional: positional,
                                                                      pretrained: pretrained,
                                                                      targetMean: standardised ? 3 : 0,
                                                                      targetScale: targetScale), seed: 1)
        let targets: [TrainingTarget] = objective == .classification
            ? [.classIndex(2), .classIndex(0), .classIndex(1)]
            : standardised ? [.value(3.2), .value(2.5), .value(3.9)] : [.value(0.5), .value(-1), .value(2)]
        model.zeroGradients()
        var rng = SplitMix64(seed: 5)
        let loss = model.lossAndBackward(batch: Self.batch, targets: targets, rng: &rng)
        #expect(abs(Double(loss) - Self.loss(&model, targets, seed: 5)) < 1e-5, "loss agrees with forward")
        let analytic = model.gradientValues
        let base = model.parameterValues
        var sampler = SplitMix64(seed: 6)
        var indices = Array(base.indices)
        indices.shuffle(using: &sampler)
        let h: Float = 1e-3
        var failures: [String] = []
        for i in indices.prefix(150) {
            var plus = base, minus = base
            plus[i] += h
            minus[i] -= h
            model.withArenas { p, _, count in plus.withUnsafeBufferPointer { p.update(from: $0.baseAddress!, count: count) } }
            let lPlus = Self.loss(&model, targets, seed: 5)
            model.withArenas { p, _, count in minus.withUnsafeBufferPointer { p.update(from: $0.baseAddress!, count: count) } }
            let lMinus = Self.loss(&model, targets, seed: 5)
            let numeric = (lPlus - lMinus) / Double(2 * h)
            let error = abs(numeric - Double(analytic[i]))
            if error > 5e-3 + 3e-2 * abs(numeric) {
                let name = model.layout.entries.last { $0.offset <= i }!.name
                failures.append("\(name) [\(i)]: expected \(numeric), observed \(analytic[i]), error \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }

    @Test(arguments: [Objective.classification, .regression])
    func inputGradientsMatchFiniteDifferences(kind: Objective) throws {
        // The regression model reports y = 3 + 0.5·z: its input gradients are those of y, not of z.
        let configuration = kind == .classification
            ? Self.tiny(dropout: 0) : Self.tiny(objective: .regression, dropout: 0, targetMean: 3, targetScale: 0.5)
        var model = try SentimentTransformer(configuration: configuration, seed: 2)
        var rng = SplitMix64(seed: 0)
        let pass = model.forward(batch: Self.batch, training: false, rng: &rng)
        let targets = kind == .classification ? [0, 2, 1] : [0, 0, 0]
        let (outputs, gradients) = model.outputsAndInputGradients(embeddings: pass.embeddings, lengths: Self.batch.lengths,
                                                                  targets: targets)
        #expect(outputs == pass.outputs, "outputs from supplied embeddings equal those from ids")
        func objective(_ e: Tensor) -> Double {
            let (o, _) = model.outputsAndInputGradients(embeddings: e, lengths: Self.batch.lengths, targets: targets)
            return targets.enumerated().reduce(0.0) { $0 + Double(o[$1.offset, $1.element]) }
        }
        var failures: [String] = []
        let h: Float = 1e-3
        for i in stride(from: 0, to: pass.embeddings.count, by: 3) {
            var plus = pass.embeddings, minus = pass.embeddings
            plus.scalars[i] += h
            minus.scalars[i] -= h
            let numeric = (objective(plus) - objective(minus)) / Double(2 * h)
            let error = abs(numeric - Double(gradients.scalars[i]))
            if error > 5e-3 + 3e-2 * abs(numeric) {
                failures.append("embedding [\(i)]: expected \(numeric), observed \(gradients.scalars[i]), error \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }

    @Test func paddingChangesNothingReal() throws {
        var model = try SentimentTransformer(configuration: Self.tiny(dropout: 0, positional: .sinusoidal), seed: 3)
        let sequences: [[Int32]] = [[1, 2, 3, 4, 5], [6, 2], [3, 3, 1]]
        let tight = TokenBatch(padding: sequences)
        var ids = [Int32](repeating: 0, count: 3 * 8)
        for (b, s) in sequences.enumerated() { for (t, id) in s.enumerated() { ids[b * 8 + t] = id } }
        let loose = TokenBatch(ids: ids, lengths: tight.lengths, length: 8)
        var rng = SplitMix64(seed: 0)
        let a = model.forward(batch: tight, training: false, rng: &rng)
        let b = model.forward(batch: loose, training: false, rng: &rng)
        func close(_ x: Float, _ y: Float) -> Bool { abs(x - y) <= 1e-5 + 1e-5 * abs(x) }
        for i in 0..<a.outputs.count { #expect(close(a.outputs.scalars[i], b.outputs.scalars[i]), "output \(i)") }
        for s in 0..<3 {
            for t in 0..<8 {
                let expected: Float = t < 5 ? a.contextAttention[s, t] : 0
                #expect(close(expected, b.contextAttention[s, t]), "α[\(s), \(t)]")
            }
            for l in 0..<2 {
                for head in 0..<2 {
                    for i in 0..<8 {
                        for j in 0..<8 {
                            let expected: Float = i < 5 && j < 5 ? a.attention[l][s, head, i, j] : 0
                            #expect(close(expected, b.attention[l][s, head, i, j]), "attention l\(l) s\(s) h\(head) [\(i), \(j)]")
                        }
                    }
                }
            }
        }
        let targets: [TrainingTarget] = [.classIndex(0), .classIndex(1), .classIndex(2)]
        model.zeroGradients()
        _ = model.lossAndBackward(batch: tight, targets: targets, training: false, rng: &rng)
        let g1 = model.gradientValues
        model.zeroGradients()
        _ = model.lossAndBackward(batch: loose, targets: targets, training: false, rng: &rng)
        let g2 = model.gradientValues
        let worst = zip(g1, g2).map { abs($0 - $1) / (1e-4 + abs($0)) }.max()!
        #expect(worst < 1e-3, "parameter gradients differ by relative \(worst)")
        // Input gradients at real positions agree too, and padded positions get none.
        let (_, ga) = model.outputsAndInputGradients(embeddings: a.embeddings, lengths: tight.lengths, targets: [0, 1, 2])
        let (_, gb) = model.outputsAndInputGradients(embeddings: b.embeddings, lengths: loose.lengths, targets: [0, 1, 2])
        for s in 0..<3 {
            for t in 0..<8 {
                for j in 0..<8 {
                    let expected: Float = t < tight.lengths[s] ? ga[s, t, j] : 0
                    #expect(close(expected, gb[s, t, j]), "input gradient [\(s), \(t), \(j)]")
                }
            }
        }
    }

    @Test func batchedOutputsEqualOneSequenceAtATime() throws {
        var model = try SentimentTransformer(configuration: Self.tiny(dropout: 0), seed: 4)
        model.threads = 2
        var rng = SplitMix64(seed: 0)
        let batched = model.forward(batch: Self.batch, training: false, rng: &rng)
        for (b, length) in Self.batch.lengths.enumerated() {
            let ids = Array(Self.batch.ids[b * Self.batch.length..<b * Self.batch.length + length])
            let single = model.forward(batch: TokenBatch(padding: [ids]), training: false, rng: &rng)
            for c in 0..<3 { #expect(abs(single.outputs[0, c] - batched.outputs[b, c]) < 1e-5) }
        }
    }

    /// Without a projection (no pretrained width, or one equal to the model width) the input embeddings
    /// are the table rows of the ids.
    @Test(arguments: [Int?.none, Int?.some(8)])
    func embeddingsAreTableRows(pretrained: Int?) throws {
        var model = try SentimentTransformer(configuration: Self.tiny(pretrained: pretrained), seed: 6)
        let table = try #require(model.parameter(named: "embedding.weight"))
        var rng = SplitMix64(seed: 0)
        let pass = model.forward(batch: Self.batch, training: false, rng: &rng)
        for b in 0..<3 {
            for t in 0..<Self.batch.lengths[b] {
                let id = Int(Self.batch.ids[b * Self.batch.length + t])
                #expect((0..<8).allSatisfy { pass.embeddings[b, t, $0] == table[id, $0] }, "row \(b), \(t)")
            }
        }
    }

    @Test func copiesAreIndependent() throws {
        var a = try SentimentTransformer(configuration: Self.tiny(), seed: 5)
        var b = a
        b.withArenas { p, _, _ in p[0] += 1 }
        #expect(a.parameterValues[0] + 1 == b.parameterValues[0])
        a.zeroGradients()
        #expect(a.parameterValues != b.parameterValues)
    }

    @Test func layoutNamesFollowTheModule() throws {
        let model = try SentimentTransformer(configuration: ModelConfiguration(vocabularySize: 100, layers: 6), seed: 0)
        let names = Set(model.layout.entries.map(\.name))
        #expect(names.contains("encoder.layers.3.attention.query.weight"))
        #expect(model.layout.entry(named: "encoder.layers.5.attention.output.weight")?.shape == [300, 512])
        #expect(model.layout.entry(named: "classifier.output.bias")?.shape == [5])
        // 6 layers × (4·(300·512)+3·512+300 + 2·600 + 300·64+64+64·300+300 + 600) + pooling + classifier + embedding
        let perLayer = 3 * (512 * 300 + 512) + (300 * 512 + 300) + 4 * 300 + (64 * 300 + 64) + (300 * 64 + 300)
        let expected = 100 * 300 + 6 * perLayer + (128 * 300 + 128) + (128 + 1) + (64 * 300 + 64) + (5 * 64 + 5)
        #expect(model.parameterCount == expected)
    }

    /// A regression model reports mean + scale · z: at initialisation (z ≈ 0) its outputs sit near the mean.
    @Test func standardisedRegressionReportsTargetUnits() throws {
        let plain = try SentimentTransformer(configuration: Self.tiny(objective: .regression, dropout: 0), seed: 4)
        var model = try SentimentTransformer(
            configuration: Self.tiny(objective: .regression, dropout: 0, targetMean: 3, targetScale: 0.5), seed: 4)
        var copy = plain
        let z = copy.outputs(batch: Self.batch)
        let y = model.outputs(batch: Self.batch)
        for i in 0..<3 { #expect(abs(y.scalars[i] - (3 + 0.5 * z.scalars[i])) < 1e-5, "\(y) vs \(z)") }
    }
}
