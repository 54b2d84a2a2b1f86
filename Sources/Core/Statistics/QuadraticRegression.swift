// QuadraticRegression: y = b0 + b1·x + b2·x² by OLS, the F test against the linear fit, and R's poly(x, 2) terms.

/// The comparison of two nested OLS fits: F = [(RSS_small − RSS_big)/(p_big − p_small)] / [RSS_big/(n − p_big)].
public struct NestedModelTest: Codable, Equatable, Sendable {
    public var fStatistic: Double
    public var df1: Int
    public var df2: Int
    public var pValue: Double
    public var adjusted: AdjustedPValues?
}

/// Everything reported for the quadratic relation between a word's mean score (y) and its valence (x).
public struct QuadraticRegressionResult: Codable, Equatable, Sendable {
    /// y = b0 + b1·x + b2·x² on raw x (coefficients "intercept", "x", "x^2").
    public var quadratic: RegressionResult
    /// y = b0 + b1·x.
    public var linear: RegressionResult
    /// The quadratic fit against the linear one (F = t² of b2, on 1 and n − 3 df).
    public var quadraticVersusLinear: NestedModelTest
    /// y = c0 + c1·P1(x) + c2·P2(x) with R's orthonormal `poly(x, 2)` columns (coefficients "intercept",
    /// "poly1", "poly2"): the authors' model; its t values are what RESEARCH.md's published table shows.
    public var orthogonal: RegressionResult
}

/// Fits the quadratic, linear and orthogonal-polynomial models of y on x.
///
/// R's `poly(x, 2)`: centre x, QR-decompose [1, x − x̄, (x − x̄)²] and keep Q's last two columns with the sign of
/// R's diagonal, scaled to unit length — equivalently Gram–Schmidt of x − x̄ and (x − x̄)² against 1 (and P1).
/// The orthogonal fit has the same R² and F as the raw quadratic, and its quadratic t equals b2's t.
///
/// - Throws: `tooFewObservations` when n < 4, `constantInput` when x has fewer than 3 distinct values, y is
///   constant, or a fit is exact; `nonFiniteInput`; `lengthMismatch`.
public func quadraticRegression(x: [Double], y: [Double]) throws -> QuadraticRegressionResult {
    try Check.sameLength(x, y)
    try Check.finite(x, "x")
    try Check.finite(y, "y")
    try Check.count(x, atLeast: 4)
    if Set(x).count < 3 { throw StatisticsError.constantInput(argument: "x (fewer than 3 distinct values)") }
    let ones = [Double](repeating: 1, count: x.count)
    let squares = x.map { $0 * $0 }
    let quadratic = try ordinaryLeastSquares(columns: [ones, x, squares], names: ["intercept", "x", "x^2"], y: y,
                                             model: "ols-quadratic")
    let linear = try ordinaryLeastSquares(columns: [ones, x], names: ["intercept", "x"], y: y, model: "ols-linear")
    let df2 = quadratic.residualDF
    let f = (linear.residualSumOfSquares - quadratic.residualSumOfSquares)
        / (quadratic.residualSumOfSquares / Double(df2))
    let comparison = NestedModelTest(fStatistic: f, df1: 1, df2: df2,
                                     pValue: FisherF.sf(max(f, 0), df1: 1, df2: Double(df2)),
                                     adjusted: nil)
    let (p1, p2) = orthonormalPolynomial(x)
    let orthogonal = try ordinaryLeastSquares(columns: [ones, p1, p2], names: ["intercept", "poly1", "poly2"], y: y,
                                              model: "ols-orthogonal-poly-2")
    return QuadraticRegressionResult(quadratic: quadratic, linear: linear, quadraticVersusLinear: comparison,
                                     orthogonal: orthogonal)
}

/// The two columns of R's `poly(x, 2)`: orthonormal, orthogonal to the constant, P1 increasing in x and P2 with
/// a positive x² coefficient. Precondition: x has at least 3 distinct values.
func orthonormalPolynomial(_ x: [Double]) -> ([Double], [Double]) {
    let centre = mean(x)
    let centred = x.map { $0 - centre }
    let p1Length = norm(centred)
    let p1 = centred.map { $0 / p1Length }
    var p2 = centred.map { $0 * $0 }
    for _ in 0..<2 {
        let offset = mean(p2)
        p2 = p2.map { $0 - offset }
        let projection = dot(p1, p2)
        for i in p2.indices { p2[i] -= projection * p1[i] }
    }
    let p2Length = norm(p2)
    return (p1, p2.map { $0 / p2Length })
}
