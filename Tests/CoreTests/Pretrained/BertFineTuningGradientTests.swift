// BertFineTuningGradientTests: the fine-tuning backward of encoder + classifier head (every parameter, dropout on and
// off) against central finite differences, and the frozen forward unchanged by the training path.
import Foundation
import Testing
@testable import Core

@Suite struct BertFineTuningGradientTests {
    static func configuration(dropout: Float) -> BertConfiguration {
        var c = BertConfiguration(hiddenSize: 6, layers: 2, heads: 2, intermediateSize: 10, maxPositions: 8,
                                  typeVocabularySize: 2, vocabularySize: 12)
        c.hiddenDropout = dropout
        c.attentionDropout = dropout
        return c
    }
    /// Two sequences, the second padded: [CLS]=1 … [SEP]=2.
    static let batch = TokenBatch(padding: [[1, 5, 7, 9, 2], [1, 4, 2]])
    static let targets = [2, 0]

    /// loss(θ_encoder ++ θ_head) with the dropout masks of one fixed seed, so that the loss is a smooth function of
    /// the parameters and central differences apply (a mask is the same at θ ± h).
    static func lossAndGradients(_ parameters: [Float], encoder: BertEncoder, head: BertClassifierHead,
                                 dropout: Bool) -> (loss: Float, gradients: [Float]) {
        var encoder = encoder, head = head
        let n = encoder.parameterCount
        encoder.mutableParameters().update(from: parameters, count: n)
        head.parameters = Array(parameters[n...])
        var rng = SplitMix64(seed: 11)
        let hidden = encoder.trainingForward(batch, dropout: dropout, rng: &rng)
        let headGradients = FloatBuffer(count: head.parameters.count), encoderGradients = FloatBuffer(count: n)
        let pass = head.trainingPass(hidden: hidden, targets: targets, dropout: dropout ? 0.25 : 0, rng: &rng,
                                     gradients: headGradients.pointer)
        encoder.trainingBackward(pass.hiddenGradient, into: encoderGradients.pointer)
        return (pass.loss, encoderGradients.array + headGradients.array)
    }

    @Test(arguments: [false, true])
    func everyParameterGradientMatchesFiniteDifferences(dropout: Bool) throws {
        let encoder = try BertEncoder(configuration: Self.configuration(dropout: 0.3), seed: 5)
        var head = BertClassifierHead(width: 6, classes: 3)
        head.parameters = randomValues(head.parameters.count, scale: 0.8, seed: 6)
        // Larger weights than the initialiser's so that softmax, GELU and tanh are far from linear.
        let start = encoder.withParameters { Array($0) }.enumerated().map { $1 * 1.5 + (($0 % 5 == 0) ? 0.2 : 0) }
            + head.parameters
        var check = GradientCheck()
        check.samples = 400
        check.check(label: "encoder + head, dropout \(dropout)", parameters: start, input: [],
                    forward: { p, _ in [Self.lossAndGradients(p, encoder: encoder, head: head, dropout: dropout).loss] },
                    backward: { p, _, dy in
                        (Self.lossAndGradients(p, encoder: encoder, head: head, dropout: dropout).gradients.map { $0 * dy[0] }, [])
                    }, checkInput: false)
    }

    /// The tensors a real token reaches get gradient; the [PAD] row and unused word rows get none (as PyTorch's
    /// `padding_idx` and sparse use give), and dropout actually changes the gradient.
    @Test func gradientsReachExactlyTheUsedRows() throws {
        let encoder = try BertEncoder(configuration: Self.configuration(dropout: 0.3), seed: 5)
        var head = BertClassifierHead(width: 6, classes: 3)
        head.parameters = randomValues(head.parameters.count, scale: 0.8, seed: 6)
        let start = encoder.withParameters { Array($0) } + head.parameters
        let plain = Self.lossAndGradients(start, encoder: encoder, head: head, dropout: false).gradients
        let dropped = Self.lossAndGradients(start, encoder: encoder, head: head, dropout: true).gradients
        let word = encoder.layout.entry(named: "embeddings.word.weight")!
        let used: Set<Int> = [1, 2, 4, 5, 7, 9]
        for id in 0..<12 {
            let row = plain[(word.offset + id * 6)..<(word.offset + id * 6 + 6)]
            #expect(row.contains { $0 != 0 } == used.contains(id), "word row \(id)")
        }
        let position = encoder.layout.entry(named: "embeddings.position.weight")!
        #expect(plain[(position.offset + 5 * 6)..<(position.offset + 8 * 6)].allSatisfy { $0 == 0 },
                "positions past the longest sequence")
        #expect(zip(plain, dropped).contains { abs($0 - $1) > 1e-4 })
    }

    /// The evaluation path of `trainingForward` is the encoder's forward, bit for bit.
    @Test func trainingForwardWithoutDropoutIsTheForward() throws {
        var encoder = try BertEncoder(configuration: Self.configuration(dropout: 0.3), seed: 5)
        var rng = SplitMix64(seed: 1)
        let training = encoder.trainingForward(Self.batch, dropout: false, rng: &rng)
        var fresh = SplitMix64(seed: 1)
        #expect(rng.next() == fresh.next(), "no draw without dropout")
        let evaluation = encoder.forward(Self.batch).lastHidden
        #expect(evaluation == training)
    }
}
