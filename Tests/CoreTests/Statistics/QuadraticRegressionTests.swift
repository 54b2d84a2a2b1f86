// QuadraticRegressionTests: OLS quadratic and linear fits, the nested F test and R's poly(x, 2) against statsmodels.
import Testing
@testable import Core

@Suite struct QuadraticRegressionTests {
    let fixture: [String: Any]

    init() throws { fixture = try StatisticsFixtures.load("tests").object("regression") }

    private func expectMatches(_ fit: RegressionResult, _ expected: [String: Any]) {
        for (i, coefficient) in fit.coefficients.enumerated() {
            expectClose(coefficient.estimate, expected.doubles("params")[i], "\(fit.model) β\(i)")
            expectClose(coefficient.standardError, expected.doubles("bse")[i], "\(fit.model) se\(i)")
            expectClose(coefficient.t, expected.doubles("tvalues")[i], "\(fit.model) t\(i)")
            expectClose(coefficient.pValue, expected.doubles("pvalues")[i], "\(fit.model) p\(i)")
        }
        expectClose(fit.rSquared, expected.double("rsquared"), "\(fit.model) R²")
        expectClose(fit.adjustedRSquared, expected.double("rsquared_adj"), "\(fit.model) adj R²")
        expectClose(fit.fStatistic, expected.double("fvalue"), "\(fit.model) F")
        expectClose(fit.fPValue, expected.double("f_pvalue"), "\(fit.model) F p")
        expectClose(fit.residualSumOfSquares, expected.double("ssr"), "\(fit.model) RSS")
    }

    @Test func fitsMatchStatsmodels() throws {
        let result = try quadraticRegression(x: fixture.doubles("x"), y: fixture.doubles("y"))
        expectMatches(result.quadratic, fixture.object("quadratic"))
        expectMatches(result.linear, fixture.object("linear"))
        expectMatches(result.orthogonal, fixture.object("orthogonal"))
        expectClose(result.quadraticVersusLinear.fStatistic, fixture.double("compareF"), "nested F")
        expectClose(result.quadraticVersusLinear.pValue, fixture.double("compareP"), "nested p")
    }

    /// The orthogonal quadratic term's t equals the raw x² coefficient's t, and F(1, n−3) = t².
    @Test func orthogonalAndRawQuadraticAgree() throws {
        let result = try quadraticRegression(x: fixture.doubles("x"), y: fixture.doubles("y"))
        expectClose(result.orthogonal.coefficients[2].t, result.quadratic.coefficients[2].t, relative: 1e-9, "t")
        expectClose(result.quadraticVersusLinear.fStatistic, pow2(result.quadratic.coefficients[2].t), relative: 1e-9,
                    "F = t²")
    }

    @Test func orthonormalPolynomialColumnsAreOrthonormal() {
        let (p1, p2) = orthonormalPolynomial([1, 2, 2, 3.5, 7, 9])
        expectClose(dot(p1, p1), 1, relative: 1e-12, "|P1|")
        expectClose(dot(p2, p2), 1, relative: 1e-12, "|P2|")
        #expect(abs(dot(p1, p2)) < 1e-12 && abs(p1.reduce(0, +)) < 1e-12 && abs(p2.reduce(0, +)) < 1e-12)
        #expect(p1.last! > 0 && p2.last! > 0)
    }

    @Test func degenerateInputsThrow() {
        #expect(throws: StatisticsError.tooFewObservations(n: 3, needed: 4)) {
            try quadraticRegression(x: [1, 2, 3], y: [1, 0, 1])
        }
        #expect(throws: StatisticsError.constantInput(argument: "x (fewer than 3 distinct values)")) {
            try quadraticRegression(x: [1, 1, 2, 2], y: [1, 0, 1, 3])
        }
        #expect(throws: StatisticsError.constantInput(argument: "y")) {
            try quadraticRegression(x: [1, 2, 3, 4], y: [2, 2, 2, 2])
        }
        #expect(throws: StatisticsError.constantInput(argument: "residuals (the fit is exact)")) {
            try quadraticRegression(x: [1, 2, 3, 4, 5], y: [1, 4, 9, 16, 25])
        }
    }

    private func pow2(_ x: Double) -> Double { x * x }
}
