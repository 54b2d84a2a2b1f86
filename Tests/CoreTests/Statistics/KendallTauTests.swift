// KendallTauTests: τ-b against scipy on inputs with ties, the worked case, symmetry and the undefined cases.
import Foundation
import Testing
@testable import Core

@Suite struct KendallTauTests {
    /// scipy 1.17 `kendalltau(x, y, variant='b')`, from Tests/scripts/make_statistics_fixtures.py. τ-b is a ratio
    /// of integers here, so the only error is one rounding of the square root and the division: 1e-14.
    @Test func matchesScipyWithTies() throws {
        let cases = try StatisticsFixtures.load("kendall").objects("cases")
        #expect(cases.count == 7)
        for fixture in cases {
            let tau = try kendallTauB(fixture.doubles("x"), fixture.doubles("y"))
            #expect(abs(tau - fixture.double("tau")) < 1e-14, "\(fixture["name"] ?? ""): \(tau)")
        }
    }

    /// The worked case of the doc comment: C − D = 2, n₀ = 6, one pair tied in each variable: 2 / √(5 · 5).
    @Test func workedCase() throws {
        #expect(try kendallTauB([1, 2, 2, 3], [1, 3, 2, 2]) == 0.4)
    }

    @Test func isSymmetricAndFlipsSignWithOneRankingReversed() throws {
        let x: [Double] = [0.3, 0.1, 0.1, 0.9, 0.5, 0.0], y: [Double] = [1, 2, 2, 5, 0, 3]
        let tau = try kendallTauB(x, y)
        #expect(try kendallTauB(y, x) == tau)
        #expect(try kendallTauB(x, y.map { -$0 }) == -tau)
        #expect(try kendallTauB(x, x) == 1)
    }

    @Test func undefinedInputsThrow() {
        #expect(throws: StatisticsError.constantInput(argument: "y")) { try kendallTauB([1, 2, 3], [4, 4, 4]) }
        #expect(throws: StatisticsError.tooFewObservations(n: 1, needed: 2)) { try kendallTauB([1], [2]) }
        #expect(throws: StatisticsError.lengthMismatch(first: 2, second: 3)) { try kendallTauB([1, 2], [1, 2, 3]) }
        #expect(throws: StatisticsError.nonFiniteInput(argument: "x")) { try kendallTauB([1, .nan], [1, 2]) }
    }
}
