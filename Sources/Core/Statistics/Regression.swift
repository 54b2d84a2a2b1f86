// Regression: ordinary least squares for a few columns (QR by modified Gram–Schmidt), with t tests and R².
import Foundation

/// One fitted coefficient: estimate, standard error, t = estimate / SE and its two-sided p-value (n − p df).
public struct RegressionCoefficient: Codable, Equatable, Sendable {
    public var name: String
    public var estimate: Double
    public var standardError: Double
    public var t: Double
    public var pValue: Double
}

/// An OLS fit y = Xβ + ε: coefficients, R², adjusted R² and the overall F test against the intercept-only model.
public struct RegressionResult: Codable, Equatable, Sendable {
    /// E.g. "ols-quadratic", "ols-linear", "ols-orthogonal-poly-2".
    public var model: String
    public var coefficients: [RegressionCoefficient]
    public var n: Int
    public var residualDF: Int
    /// Residual sum of squares Σ(y − ŷ)².
    public var residualSumOfSquares: Double
    /// σ̂ = √(RSS / (n − p)).
    public var residualStandardError: Double
    /// R² = 1 − RSS/TSS.
    public var rSquared: Double
    /// 1 − (1 − R²)(n − 1)/(n − p).
    public var adjustedRSquared: Double
    /// F = [(TSS − RSS)/(p − 1)] / [RSS/(n − p)], with its p-value on (p − 1, n − p) df.
    public var fStatistic: Double
    public var fPValue: Double
}

/// Fits y on the given columns by OLS. The first column should be the intercept (all ones): R² and F are
/// computed against the mean of y, so they assume one.
///
/// QR by modified Gram–Schmidt with one re-orthogonalisation pass (accurate for the few, possibly
/// ill-scaled columns of a polynomial in valence); β = R⁻¹Qᵀy; Cov(β̂) = σ̂² R⁻¹R⁻ᵀ.
///
/// - Throws: `tooFewObservations` when n ≤ p (no residual df), `nonFiniteInput`, `constantInput` when y is
///   constant, the columns are collinear (e.g. x has fewer distinct values than the degree + 1), or the fit is exact.
public func ordinaryLeastSquares(columns: [[Double]], names: [String], y: [Double],
                                 model: String) throws -> RegressionResult {
    precondition(columns.count == names.count && !columns.isEmpty, "one name per column")
    for (name, column) in zip(names, columns) {
        try Check.sameLength(column, y)
        try Check.finite(column, name)
    }
    try Check.finite(y, "y")
    let n = y.count, p = columns.count
    try Check.count(y, atLeast: p + 1)
    try Check.notConstant(y, "y")

    // Q (p columns of length n) and upper-triangular R.
    var q = columns
    var r = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
    for j in 0..<p {
        let originalNorm = norm(columns[j])
        for _ in 0..<2 {
            for k in 0..<j {
                let projection = dot(q[k], q[j])
                r[k][j] += projection
                for i in 0..<n { q[j][i] -= projection * q[k][i] }
            }
        }
        let length = norm(q[j])
        guard length > 1e-10 * max(originalNorm, 1e-300) else {
            throw StatisticsError.constantInput(argument: "\(names[j]) (collinear with the earlier columns)")
        }
        r[j][j] = length
        for i in 0..<n { q[j][i] /= length }
    }
    // R⁻¹ by back substitution, column by column.
    var rInverse = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
    for column in 0..<p {
        for row in stride(from: column, through: 0, by: -1) {
            var sum = row == column ? 1.0 : 0.0
            for k in (row + 1)..<(column + 1) { sum -= r[row][k] * rInverse[k][column] }
            rInverse[row][column] = sum / r[row][row]
        }
    }
    let qty = (0..<p).map { dot(q[$0], y) }
    let beta = (0..<p).map { j in (j..<p).reduce(0.0) { $0 + rInverse[j][$1] * qty[$1] } }
    var rss = 0.0
    for i in 0..<n {
        var fitted = 0.0
        for j in 0..<p { fitted += beta[j] * columns[j][i] }
        rss += (y[i] - fitted) * (y[i] - fitted)
    }
    let yMean = mean(y)
    let tss = y.reduce(0.0) { $0 + ($1 - yMean) * ($1 - yMean) }
    // A residual norm below 1e-12 of the total is rounding noise: the fit is exact and t would be meaningless.
    guard rss > 1e-24 * tss else { throw StatisticsError.constantInput(argument: "residuals (the fit is exact)") }
    let residualDF = n - p
    let sigma2 = rss / Double(residualDF)
    let coefficients = (0..<p).map { j -> RegressionCoefficient in
        let variance = sigma2 * (j..<p).reduce(0.0) { $0 + rInverse[j][$1] * rInverse[j][$1] }
        let se = variance.squareRoot(), t = beta[j] / se
        return RegressionCoefficient(name: names[j], estimate: beta[j], standardError: se, t: t,
                                     pValue: StudentT.twoSidedPValue(t, df: Double(residualDF)))
    }
    let rSquared = 1 - rss / tss
    let modelDF = Double(p - 1)
    let f = p > 1 ? ((tss - rss) / modelDF) / sigma2 : 0
    return RegressionResult(model: model, coefficients: coefficients, n: n, residualDF: residualDF,
                            residualSumOfSquares: rss, residualStandardError: sigma2.squareRoot(),
                            rSquared: rSquared,
                            adjustedRSquared: 1 - (1 - rSquared) * Double(n - 1) / Double(residualDF),
                            fStatistic: f,
                            fPValue: p > 1 ? FisherF.sf(max(f, 0), df1: modelDF, df2: Double(residualDF)) : 1)
}

func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for i in a.indices { sum += a[i] * b[i] }
    return sum
}

func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }
