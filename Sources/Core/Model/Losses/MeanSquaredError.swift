// MeanSquaredError: mean squared difference between predicted and target values, and its gradient.

/// Mean squared error over the batch (one output per example):
/// ```
/// loss = (1/B) Σ_b (ŷ_b − y_b)²        dŷ_b = 2 (ŷ_b − y_b) / B
/// ```
public enum MeanSquaredError {
    /// predictions [B], targets [B] → (loss, dpredictions [B] overwritten).
    public static func lossAndGradient(predictions: UnsafePointer<Float>, targets: [Float],
                                       gradient: UnsafeMutablePointer<Float>) -> Float {
        let batchSize = targets.count
        var total: Double = 0
        for b in 0..<batchSize {
            let difference = predictions[b] - targets[b]
            total += Double(difference * difference)
            gradient[b] = 2 * difference / Float(batchSize)
        }
        return Float(total / Double(batchSize))
    }
}
