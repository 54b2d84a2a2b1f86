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
        let b = h.shape[0], t = h.shape[1], d = width, c = classes
        precondition(targets.count == b, "\(targets.count) targets for \(b) sequences")
        var cls = [Float](repeating: 0, count: b * d)
        for row in 0..<b { for i in 0..<d { cls[row * d + i] = h.scalars[row * t * d + i] } }
        var pooled = [Float](repeating: 0, count: b * d), logits = [Float](repeating: 0, count: b * c)
        var mask = [Float](repeating: 1, count: b * d)
        if rate > 0 { mask.withUnsafeMutableBufferPointer { Dropout(probability: rate).makeMask($0.baseAddress!, count: b * d, rng: &rng) } }
        var dropped = pooled
        parameters.withUnsafeBufferPointer { p in
            pooler.forward(cls, rows: b, parameters: p.baseAddress!, into: &pooled)
            for k in pooled.indices { pooled[k] = tanh(pooled[k]); dropped[k] = pooled[k] * mask[k] }
            classifier.forward(dropped, rows: b, parameters: p.baseAddress!, into: &logits)
        }
        var dLogits = [Float](repeating: 0, count: b * c)
        let loss = logits.withUnsafeBufferPointer { z in
            dLogits.withUnsafeMutableBufferPointer {
                SoftmaxCrossEntropy.lossAndGradient(logits: z.baseAddress!, targets: targets, classes: c,
                                                    gradient: $0.baseAddress!)
            }
        }
        var dPooled = [Float](repeating: 0, count: b * d), dCLS = [Float](repeating: 0, count: b * d)
        parameters.withUnsafeBufferPointer { p in
            classifier.backward(dLogits, x: dropped, rows: b, parameters: p.baseAddress!, gradients: gradients,
                                dx: &dPooled)
            for k in dPooled.indices { dPooled[k] *= mask[k] * (1 - pooled[k] * pooled[k]) }
            pooler.backward(dPooled, x: cls, rows: b, parameters: p.baseAddress!, gradients: gradients, dx: &dCLS)
        }
        var dh = [Float](repeating: 0, count: b * t * d)
        for row in 0..<b { for i in 0..<d { dh[row * t * d + i] = dCLS[row * d + i] } }
        return TrainingPass(loss: loss, logits: Tensor(shape: [b, c], scalars: logits),
                            hiddenGradient: Tensor(shape: [b, t, d], scalars: dh))
    }
}
