// SoftmaxCrossEntropy: mean negative log-likelihood of the target classes, and its gradient.
import Foundation

/// Softmax cross-entropy averaged over the batch:
/// ```
/// loss = −(1/B) Σ_b log softmax(z_b)[y_b]        dz_b = (softmax(z_b) − onehot(y_b)) / B
/// ```
/// Computed with the max subtracted, so large logits do not overflow.
public enum SoftmaxCrossEntropy {
    /// logits [B, C], targets [B] in 0..<C → (loss, dlogits [B, C] overwritten).
    public static func lossAndGradient(logits: UnsafePointer<Float>, targets: [Int], classes: Int,
                                       gradient: UnsafeMutablePointer<Float>) -> Float {
        let batchSize = targets.count
        var total: Double = 0
        for b in 0..<batchSize {
            let z = logits + b * classes, dz = gradient + b * classes, y = targets[b]
            precondition(y >= 0 && y < classes, "target class \(y) outside 0..<\(classes)")
            var largest = -Float.infinity
            for c in 0..<classes where z[c] > largest { largest = z[c] }
            var sum: Float = 0
            for c in 0..<classes { dz[c] = exp(z[c] - largest); sum += dz[c] }
            total += Double(log(sum) + largest - z[y])
            for c in 0..<classes { dz[c] = dz[c] / sum / Float(batchSize) }
            dz[y] -= 1 / Float(batchSize)
        }
        return Float(total / Double(batchSize))
    }
}
