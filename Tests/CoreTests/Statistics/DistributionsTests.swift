// DistributionsTests: normal, t and F CDFs, survival functions and quantiles against scipy, tails included.
import Testing
@testable import Core

@Suite struct DistributionsTests {
    let fixture: [String: Any]

    init() throws { fixture = try StatisticsFixtures.load("distributions") }

    @Test func normalMatchesScipy() {
        for point in fixture.objects("normal") {
            let z = point.double("z")
            expectClose(Normal.cdf(z), point.double("cdf"), relative: 1e-12, "Φ(\(z))")
            expectClose(Normal.sf(z), point.double("sf"), relative: 1e-12, "S(\(z))")
        }
    }

    @Test func normalQuantileMatchesScipy() {
        for point in fixture.objects("normalQuantile") {
            let p = point.double("p")
            expectClose(Normal.quantile(p), point.double("quantile"), relative: 1e-12, absolute: 1e-14, "Φ⁻¹(\(p))")
        }
    }

    @Test func studentTMatchesScipyIncludingTails() {
        for point in fixture.objects("t") {
            let t = point.double("t"), df = point.double("df")
            expectClose(StudentT.cdf(t, df: df), point.double("cdf"), relative: 1e-9, "t cdf(\(t); \(df))")
            expectClose(StudentT.sf(t, df: df), point.double("sf"), relative: 1e-9, "t sf(\(t); \(df))")
        }
    }

    @Test func studentTQuantileMatchesScipy() {
        for point in fixture.objects("tQuantile") {
            let p = point.double("p"), df = point.double("df")
            expectClose(StudentT.quantile(p, df: df), point.double("quantile"), relative: 1e-9, absolute: 1e-12,
                        "t ppf(\(p); \(df))")
        }
    }

    @Test func fisherFMatchesScipyIncludingTails() {
        for point in fixture.objects("f") {
            let f = point.double("f"), d1 = point.double("df1"), d2 = point.double("df2")
            expectClose(FisherF.cdf(f, df1: d1, df2: d2), point.double("cdf"), relative: 1e-9, "F cdf(\(f); \(d1), \(d2))")
            expectClose(FisherF.sf(f, df1: d1, df2: d2), point.double("sf"), relative: 1e-9, "F sf(\(f); \(d1), \(d2))")
        }
    }

    /// F(1, ν) is the square of t(ν): S_F(t²) = 2 S_t(|t|).
    @Test(arguments: [0.3, 1.7, 4.2, 11.0], [3.0, 57.0, 2000.0])
    func fWithOneNumeratorDegreeIsTSquared(t: Double, df: Double) {
        expectClose(FisherF.sf(t * t, df1: 1, df2: df), StudentT.twoSidedPValue(t, df: df), relative: 1e-10, "t=\(t)")
    }

    @Test func extremeArgumentsStayFinite() {
        #expect(StudentT.sf(1e8, df: 3) >= 0)
        #expect(StudentT.sf(-1e8, df: 3) == 1)
        #expect(FisherF.sf(0, df1: 2, df2: 3) == 1)
        #expect(FisherF.cdf(1e12, df1: 2, df2: 3).isFinite)
    }
}
