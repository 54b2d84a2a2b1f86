// MultipleComparisonsTests: Holm and Benjamini–Hochberg against statsmodels and scipy, ties included.
import Testing
@testable import Core

@Suite struct MultipleComparisonsTests {
    @Test func matchStatsmodelsAndScipy() throws {
        let fixture = try StatisticsFixtures.load("tests").object("multipleComparisons")
        let p = fixture.doubles("p")
        for (i, (observed, expected)) in zip(holmAdjusted(p), fixture.doubles("holm")).enumerated() {
            expectClose(observed, expected, relative: 1e-12, "holm[\(i)]")
        }
        for (i, (observed, expected)) in zip(benjaminiHochbergAdjusted(p), fixture.doubles("bh")).enumerated() {
            expectClose(observed, expected, relative: 1e-12, "bh[\(i)]")
        }
        for (i, (observed, expected)) in zip(benjaminiHochbergAdjusted(p), fixture.doubles("bhScipy")).enumerated() {
            expectClose(observed, expected, relative: 1e-12, "bh scipy[\(i)]")
        }
    }

    @Test func smallFamilies() {
        #expect(holmAdjusted([]) == [])
        #expect(holmAdjusted([0.03]) == [0.03])
        #expect(benjaminiHochbergAdjusted([0.03]) == [0.03])
        #expect(holmAdjusted([0.6, 0.7]) == [1, 1])
    }
}
