// MeanSquaredError: mean squared difference between predicted and target values, and its gradient.

/// Mean squared error over the batch (one output per example), in units of `scale` (the targets' standard
/// deviation when the model standardises them; 1 for plain MSE):
/// ```
/// loss = (1/B) Σ_b ((ŷ_b − y_b) / s)²        dŷ_b = 2 (ŷ_b − y_b) / (s² B)
/// ```
public enum MeanSquaredError {
    /// predictions [B], targets [B] → (loss, dpredictions [B] overwritten).
    public static func lossAndGradient(predictions: UnsafePointer<Float>, targets: [Float], scale: Float = 1,
                                       gradient: UnsafeMutablePointer<Float>) -> Float {
        let batchSize = targets.count
        let inverse = 1 / scale
        var total: Double = 0
        for b in 0..<batchSize {
            let difference = (predictions[b] - targets[b]) * inverse
            total += Double(difference * difference)
            gradient[b] = 2 * difference * inverse / Float(batchSize)
        }
        return Float(total / Double(batchSize))
    }
}
