// Descriptive: mean, sample variance and standard deviation (two-pass, for accuracy).

/// Arithmetic mean Σx / n. Precondition: `values` is not empty.
func mean(_ values: [Double]) -> Double {
    precondition(!values.isEmpty, "mean of an empty sample")
    return values.reduce(0, +) / Double(values.count)
}

/// Unbiased sample variance Σ(x − x̄)² / (n − 1), two-pass. Precondition: n ≥ 2.
func sampleVariance(_ values: [Double]) -> Double {
    precondition(values.count >= 2, "sample variance needs two values, got \(values.count)")
    let m = mean(values)
    var sum = 0.0, correction = 0.0
    for x in values {
        sum += (x - m) * (x - m)
        correction += x - m
    }
    // The second term corrects the rounding error of m (Chan, Golub & LeVeque 1983).
    return (sum - correction * correction / Double(values.count)) / Double(values.count - 1)
}

/// Sample standard deviation √(sample variance). Precondition: n ≥ 2.
func sampleStandardDeviation(_ values: [Double]) -> Double {
    sampleVariance(values).squareRoot()
}
