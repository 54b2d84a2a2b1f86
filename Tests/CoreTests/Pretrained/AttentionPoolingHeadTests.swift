// AttentionPoolingHeadTests: the head's gradients by finite differences, and training on a small separable task.
import Testing
@testable import Core

@Suite struct AttentionPoolingHeadTests {
    @Test func gradientsMatchFiniteDifferences() {
        let base = AttentionPoolingHead(width: 5, poolingHidden: 4, classes: 3, seed: 8)
        let lengths = [4, 2], t = 4, d = 5
        let real = (0..<(2 * t)).map { $0 % t < lengths[$0 / t] }
        let input = randomValues(2 * t * d, seed: 9).enumerated().map { real[$0 / d] ? $1 : 0 }
        let parameters = base.parameters.map { $0 * 2 }
        func run(_ p: [Float], _ x: [Float], _ dy: [Float]? = nil) -> AttentionPoolingHead.Pass {
            var head = base
            head.parameters = p
            return head.run(hidden: Tensor(shape: [2, t, d], scalars: x), lengths: lengths, dLogits: dy.map { dy in { _ in dy } })
        }
        GradientCheck().check(label: "AttentionPoolingHead", parameters: parameters, input: input,
                              forward: { run($0, $1).logits.scalars }) { p, x, dy in
            let pass = run(p, x, dy)
            return (pass.parameterGradients!, pass.hiddenGradient!.scalars)
        }
    }

    @Test func weightsAreASoftmaxOverRealTokens() {
        let head = AttentionPoolingHead(width: 3, poolingHidden: 4, classes: 2, seed: 1)
        let pass = head.run(hidden: Tensor(shape: [2, 3, 3], scalars: randomValues(18, seed: 2)), lengths: [3, 1])
        #expect(abs(pass.weights.scalars[0..<3].reduce(0, +) - 1) < 1e-6)
        #expect(pass.weights.scalars[3..<6] == [1, 0, 0])
    }

    /// Class = whether a "signal" direction appears in some token; attention pooling can find it.
    @Test func trainingLearnsASeparableTask() {
        var rng = SplitMix64(seed: 4)
        func sentence(_ label: Int) -> EncodedSentence {
            let n = 3 + Int(rng.next() % 4), d = 6
            var scalars = (0..<(n * d)).map { _ in (rng.nextUnitFloat() * 2 - 1) * 0.5 }
            let position = Int(rng.next() % UInt64(n))
            scalars[position * d] += label == 1 ? 2 : -2
            return EncodedSentence(hidden: Tensor(shape: [n, d], scalars: scalars), label: label)
        }
        let training = (0..<120).map { sentence($0 % 2) }, validation = (0..<40).map { sentence($0 % 2) }
        var options = HeadTrainingOptions()
        options.epochs = 15
        options.batchSize = 16
        options.learningRate = 1e-2
        options.poolingHidden = 8
        let result = AttentionPoolingHead.train(classes: 2, training: training, validation: validation, options: options)
        #expect(result.trainingLoss.last! < result.trainingLoss.first!, "loss \(result.trainingLoss)")
        #expect(result.head.accuracy(validation) >= 0.95, "validation accuracy \(result.validationAccuracy)")
        #expect(result.validationAccuracy[result.bestEpoch] == result.head.accuracy(validation))
    }
}
