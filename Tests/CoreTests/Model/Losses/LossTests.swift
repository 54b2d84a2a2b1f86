// LossTests: cross-entropy and squared error values on worked cases, and their gradients.
import Foundation
import Testing
@testable import Core

@Suite struct SoftmaxCrossEntropyTests {
    /// Uniform logits over C classes: loss = log C, gradient (1/C − onehot)/B.
    @Test func uniformLogits() {
        let logits: [Float] = [0, 0, 0, 0, 0, 0]
        var gradient = [Float](repeating: 0, count: 6)
        let loss = logits.withUnsafeBufferPointer { l in
            gradient.withUnsafeMutableBufferPointer {
                SoftmaxCrossEntropy.lossAndGradient(logits: l.baseAddress!, targets: [0, 2], classes: 3, gradient: $0.baseAddress!)
            }
        }
        #expect(abs(loss - log(3)) < 1e-6)
        let third: Float = 1.0 / 3 / 2
        let expected: [Float] = [third - 0.5, third, third, third, third, third - 0.5]
        for (a, b) in zip(gradient, expected) { #expect(abs(a - b) < 1e-6, "\(gradient)") }
    }

    @Test func gradientMatchesFiniteDifferences() {
        GradientCheck().check(
            label: "SoftmaxCrossEntropy", parameters: [], input: randomValues(8, scale: 3, seed: 20),
            forward: { _, z in
                var g = [Float](repeating: 0, count: 8)
                let loss = z.withUnsafeBufferPointer { l in g.withUnsafeMutableBufferPointer {
                    SoftmaxCrossEntropy.lossAndGradient(logits: l.baseAddress!, targets: [3, 1], classes: 4, gradient: $0.baseAddress!)
                } }
                return [loss]
            },
            backward: { _, z, dy in
                var g = [Float](repeating: 0, count: 8)
                _ = z.withUnsafeBufferPointer { l in g.withUnsafeMutableBufferPointer {
                    SoftmaxCrossEntropy.lossAndGradient(logits: l.baseAddress!, targets: [3, 1], classes: 4, gradient: $0.baseAddress!)
                } }
                return ([], g.map { $0 * dy[0] })
            })
    }
}

@Suite struct MeanSquaredErrorTests {
    /// predictions [1, 3], targets [0, 1]: loss = (1 + 4)/2 = 2.5, gradient = [2·1/2, 2·2/2] = [1, 2].
    @Test func workedExample() {
        let predictions: [Float] = [1, 3]
        var gradient: [Float] = [0, 0]
        let loss = predictions.withUnsafeBufferPointer { p in gradient.withUnsafeMutableBufferPointer {
            MeanSquaredError.lossAndGradient(predictions: p.baseAddress!, targets: [0, 1], gradient: $0.baseAddress!)
        } }
        #expect(loss == 2.5)
        #expect(gradient == [1, 2])
    }

    /// In units of scale 2: differences [1, 2] / 2 → loss (0.25 + 1)/2 = 0.625, gradient 2·d/(s²B) = [0.25, 0.5].
    @Test func scaledWorkedExample() {
        let predictions: [Float] = [1, 3]
        var gradient: [Float] = [0, 0]
        let loss = predictions.withUnsafeBufferPointer { p in gradient.withUnsafeMutableBufferPointer {
            MeanSquaredError.lossAndGradient(predictions: p.baseAddress!, targets: [0, 1], scale: 2,
                                             gradient: $0.baseAddress!)
        } }
        #expect(loss == 0.625)
        #expect(gradient == [0.25, 0.5])
    }
}
