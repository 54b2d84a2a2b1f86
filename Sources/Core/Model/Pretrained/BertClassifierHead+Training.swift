// BertClassifierHead+Training: the head's fine-tuning pass — dropout on the pooled vector, cross-entropy, and the
// gradients of its own tensors and of the [CLS] hidden state.
import Foundation

extension BertClassifierHead {
    /// What one training pass of the head returns.
    public struct TrainingPass: Sendable {
        /// Mean cross-entropy over the batch.
        public var loss: Float
        /// [B, C] class scores.
        public var logits: Tensor
        /// [B, T, D] ∂loss/∂h (zero except at position 0).
        public var hiddenGradient: Tensor
    }

    /// As `BertForSequenceClassification` in training:
    /// ```
    /// p = tanh(W_p h₀ + b_p)    p' = Drop(p)    z = W_c p' + b_c    loss = mean_b CE(z_b, y_b)
    /// dz = (softmax(z) − onehot(y)) / B    dp = (dz · W_c) ⊙ mask ⊙ (1 − p²)    dh₀ = dp · W_p
    /// ```
    /// The head's gradients accumulate into `gradients` (this head's layout). The dropout mask (rate `dropout`)
    /// is drawn from `rng` only when the rate is positive.
    public func trainingPass(hidden h: Tensor, targets: [Int], dropout rate: Float, rng: inout SplitMix64,
                             gradients: UnsafeMutablePointer<Float>) -> TrainingPass {
        precondition(h.rank == 3 && h.shape[2] == width, "hidden shape \(h.shape) does not match [B, T, \(width)]")
        let b = h.shape[0], c = classes
        precondition(targets.count == b, "\(targets.count) targets for \(b) sequences")
        var mask: [Float]?
        if rate > 0 {
            var drawn = [Float](repeating: 0, count: b * width)
            drawn.withUnsafeMutableBufferPointer { Dropout(probability: rate).makeMask($0.baseAddress!, count: b * width, rng: &rng) }
            mask = drawn
        }
        var loss: Float = 0
        let pass = pass(hidden: h, mask: mask, gradients: gradients) { logits in
            var dLogits = [Float](repeating: 0, count: b * c)
            loss = logits.withUnsafeBufferPointer { z in
                dLogits.withUnsafeMutableBufferPointer {
                    SoftmaxCrossEntropy.lossAndGradient(logits: z.baseAddress!, targets: targets, classes: c,
                                                        gradient: $0.baseAddress!)
                }
            }
            return dLogits
        }
        return TrainingPass(loss: loss, logits: pass.logits, hiddenGradient: pass.hiddenGradient!)
    }
}
