// Metrics: accuracy, macro-F1 and the confusion matrix for classes; Pearson r, CCC and RMSE for values.

/// Evaluation metrics. Each takes predictions and gold values of equal length.
public enum Metrics {
    /// Fraction of predictions equal to the gold class.
    public static func accuracy(predicted: [Int], gold: [Int]) -> Double {
        precondition(predicted.count == gold.count && !gold.isEmpty)
        return Double(zip(predicted, gold).filter { $0 == $1 }.count) / Double(gold.count)
    }

    /// counts[gold][predicted].
    public static func confusionMatrix(predicted: [Int], gold: [Int], classes: Int) -> [[Int]] {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        for (p, g) in zip(predicted, gold) { counts[g][p] += 1 }
        return counts
    }

    /// Unweighted mean over classes of F1 = 2·precision·recall / (precision + recall)
    /// (a class with no predictions and no gold examples counts F1 = 0, as scikit-learn does).
    public static func macroF1(predicted: [Int], gold: [Int], classes: Int) -> Double {
        let m = confusionMatrix(predicted: predicted, gold: gold, classes: classes)
        var total = 0.0
        for c in 0..<classes {
            let truePositives = Double(m[c][c])
            let predictedCount = Double((0..<classes).map { m[$0][c] }.reduce(0, +))
            let goldCount = Double(m[c].reduce(0, +))
            let denominator = predictedCount + goldCount
            total += denominator > 0 ? 2 * truePositives / denominator : 0
        }
        return total / Double(classes)
    }

    /// Pearson correlation r = cov(x, y) / (σ_x σ_y); NaN when either side has zero variance.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let (_, _, vx, vy, cov) = moments(x, y)
        return cov / (vx * vy).squareRoot()
    }

    /// Lin's concordance correlation coefficient: 2 cov / (σ²_x + σ²_y + (μ_x − μ_y)²) (population moments).
    public static func concordance(_ x: [Double], _ y: [Double]) -> Double {
        let (mx, my, vx, vy, cov) = moments(x, y)
        return 2 * cov / (vx + vy + (mx - my) * (mx - my))
    }

    /// Root mean squared error √(mean (x − y)²).
    public static func rootMeanSquaredError(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count && !x.isEmpty)
        return (zip(x, y).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(x.count)).squareRoot()
    }

    /// Means, population variances and covariance.
    private static func moments(_ x: [Double], _ y: [Double]) -> (Double, Double, Double, Double, Double) {
        precondition(x.count == y.count && !x.isEmpty)
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var vx = 0.0, vy = 0.0, cov = 0.0
        for (a, b) in zip(x, y) {
            vx += (a - mx) * (a - mx)
            vy += (b - my) * (b - my)
            cov += (a - mx) * (b - my)
        }
        return (mx, my, vx / n, vy / n, cov / n)
    }
}
