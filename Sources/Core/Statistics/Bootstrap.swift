// Bootstrap: seeded resampling intervals (percentile and BCa) for any statistic of one or more samples.
import Foundation

/// How a bootstrap interval is read from the replicates.
public enum BootstrapMethod: String, Codable, Sendable {
    /// The α/2 and 1 − α/2 quantiles of the replicates (linear interpolation, numpy's default).
    case percentile
    /// Bias-corrected and accelerated (Efron 1987; Efron & Tibshirani 1993, §14.3), as scipy's `bootstrap`.
    case bca
}

/// The replicates and the interval of one bootstrap.
public struct BootstrapResult: Sendable {
    /// The statistic on the original samples.
    public var estimate: Double
    /// Nil when fewer than half of the resamples gave a defined statistic.
    public var interval: ConfidenceInterval?
    /// The defined replicates, in resampling order.
    public var replicates: [Double]
    /// How many resamples were drawn (some may have been undefined and skipped).
    public var resamples: Int
}

/// A uniform index in 0..<n from one 64-bit draw: the high word of draw × n (Lemire's multiply-shift,
/// without rejection; its bias is below n/2⁶⁴). Reproducible in Python as `(draw * n) >> 64`.
func drawIndex(below n: Int, using generator: inout SplitMix64) -> Int {
    Int(generator.next().multipliedFullWidth(by: UInt64(n)).high)
}

/// Bootstraps `statistic` over independent samples of sizes `sampleSizes` (one sample: `[n]`; two independent
/// groups: `[n1, n2]`; paired data is one sample of pairs).
///
/// 1. The estimate is `statistic` on the identity indices `[0..<n_g]` of every sample.
/// 2. For b in 1…`resamples`, for each sample g in order, draw n_g indices with replacement (`drawIndex`)
///    and evaluate `statistic`; nil (undefined, e.g. a constant resample) is skipped.
/// 3. Percentile: quantiles α/2, 1 − α/2 of the replicates, α = 1 − level.
///    BCa: z₀ = Φ⁻¹(½[#(θ* < θ̂) + #(θ* ≤ θ̂)]/B); jackknife θ₍ᵢ₎ leaving out each observation of each sample
///    in turn; â = Σ(θ̄ − θ₍ᵢ₎)³ / (6 [Σ(θ̄ − θ₍ᵢ₎)²]^{3/2}); quantile levels Φ(z₀ + (z₀ + z_q)/(1 − â(z₀ + z_q)))
///    for z_q = Φ⁻¹(α/2), Φ⁻¹(1 − α/2). When z₀ or â is undefined (every replicate on one side, a constant
///    jackknife), it falls back to the percentile interval and says so in the method name.
///
/// - Throws: `invalidArgument` for a bad level or resample count, `tooFewObservations` for an empty sample,
///   `constantInput` when the statistic is undefined on the original samples.
public func bootstrapInterval(sampleSizes: [Int], resamples: Int, level: Double = 0.95,
                              method: BootstrapMethod = .percentile, using generator: inout SplitMix64,
                              statistic: ([[Int]]) -> Double?) throws -> BootstrapResult {
    try Check.level(level)
    if resamples < 1 { throw StatisticsError.invalidArgument(name: "resamples", rule: "at least 1") }
    for size in sampleSizes where size < 1 { throw StatisticsError.tooFewObservations(n: size, needed: 1) }
    guard let estimate = statistic(sampleSizes.map { Array(0..<$0) }) else {
        throw StatisticsError.constantInput(argument: "sample (the statistic is undefined on it)")
    }
    var replicates: [Double] = []
    replicates.reserveCapacity(resamples)
    for _ in 0..<resamples {
        let indices = sampleSizes.map { n in (0..<n).map { _ in drawIndex(below: n, using: &generator) } }
        if let value = statistic(indices) { replicates.append(value) }
    }
    guard replicates.count * 2 >= resamples else {
        return BootstrapResult(estimate: estimate, interval: nil, replicates: replicates, resamples: resamples)
    }
    let sorted = replicates.sorted()
    let alpha = (1 - level) / 2
    var levels = (alpha, 1 - alpha)
    var name = "bootstrap-percentile"
    if method == .bca {
        if let adjusted = bcaLevels(estimate: estimate, replicates: replicates, alpha: alpha,
                                    jackknife: jackknife(sampleSizes: sampleSizes, statistic: statistic)) {
            levels = adjusted
            name = "bootstrap-bca"
        } else {
            name = "bootstrap-percentile (bca undefined)"
        }
    }
    let interval = ConfidenceInterval(lower: linearQuantile(sorted, levels.0), upper: linearQuantile(sorted, levels.1),
                                      level: level, method: name)
    return BootstrapResult(estimate: estimate, interval: interval, replicates: replicates, resamples: resamples)
}

/// One-sample convenience: `statistic` receives the resampled indices of the only sample.
public func bootstrapInterval(sampleSize: Int, resamples: Int, level: Double = 0.95,
                              method: BootstrapMethod = .percentile, using generator: inout SplitMix64,
                              statistic: ([Int]) -> Double?) throws -> BootstrapResult {
    try bootstrapInterval(sampleSizes: [sampleSize], resamples: resamples, level: level, method: method,
                          using: &generator) { statistic($0[0]) }
}

/// The q-quantile of sorted values by linear interpolation between order statistics (numpy 'linear', R type 7).
func linearQuantile(_ sorted: [Double], _ q: Double) -> Double {
    let position = q * Double(sorted.count - 1)
    let below = Int(position.rounded(.down)), above = min(below + 1, sorted.count - 1)
    let fraction = position - Double(below)
    return sorted[below] + fraction * (sorted[above] - sorted[below])
}

/// Leave-one-out values of the statistic, each sample in turn (nil entries where it is undefined).
private func jackknife(sampleSizes: [Int], statistic: ([[Int]]) -> Double?) -> [Double?] {
    var values: [Double?] = []
    for (g, size) in sampleSizes.enumerated() {
        var indices = sampleSizes.map { Array(0..<$0) }
        for left in 0..<size {
            indices[g] = (0..<size).filter { $0 != left }
            values.append(indices[g].isEmpty ? nil : statistic(indices))
        }
    }
    return values
}

/// The BCa quantile levels, or nil when the bias or acceleration is undefined.
private func bcaLevels(estimate: Double, replicates: [Double], alpha: Double,
                       jackknife: [Double?]) -> (Double, Double)? {
    let below = replicates.filter { $0 < estimate }.count, atOrBelow = replicates.filter { $0 <= estimate }.count
    let proportion = Double(below + atOrBelow) / Double(2 * replicates.count)
    guard proportion > 0, proportion < 1 else { return nil }
    let z0 = Normal.quantile(proportion)
    let leaveOneOut = jackknife.compactMap { $0 }
    guard leaveOneOut.count == jackknife.count, leaveOneOut.count >= 2 else { return nil }
    let centre = mean(leaveOneOut)
    var cubes = 0.0, squares = 0.0
    for value in leaveOneOut {
        let d = centre - value
        cubes += d * d * d
        squares += d * d
    }
    guard squares > 0 else { return nil }
    let acceleration = cubes / (6 * pow(squares, 1.5))
    func adjusted(_ q: Double) -> Double {
        let zq = Normal.quantile(q)
        return Normal.cdf(z0 + (z0 + zq) / (1 - acceleration * (z0 + zq)))
    }
    let levels = (adjusted(alpha), adjusted(1 - alpha))
    guard levels.0.isFinite, levels.1.isFinite else { return nil }
    return levels
}
