// AcrossSeedsTests: the headline statistic over seeds — each seed's value is its report's, pairs count wins, the
// bootstrap p-value and Holm follow their definitions, streams are per figure.
import Foundation
import Testing
@testable import Core

@Suite struct AcrossSeedsTests {
    typealias Fixture = LexiconValidationTests

    /// Three "seeds": LAT follows intensity strongly (signal 0.1), rollout weakly (0.02), with seed-dependent noise.
    static func reports(methods: [(String, Double)] = [("lat", 0.1), ("rollout", 0.02)]) throws -> [ValidationReport] {
        try (0..<3).map { k in
            try Fixture.run(methods.enumerated().map { m, method in
                AttributionSeries(method: method.0, layer: nil,
                                  occurrences: Fixture.occurrences(signal: method.1, seed: UInt64(10 * m + k)))
            })
        }
    }

    static let shared = Result { () throws -> ([ValidationReport], SeedComparison) in
        let made = try Self.reports()
        return (made, try compareAcrossSeeds(made, seeds: [0, 1, 2], neutral: 5, resamples: 200, seed: 7))
    }

    @Test func eachSeedsValueIsItsReportsAndTheSpreadIsTheirs() throws {
        let (reports, comparison) = try Self.shared.get()
        #expect(comparison.figures.map(\.method) == ["lat", "rollout", "random-baseline", "frequency-baseline"])
        for (e, figure) in comparison.figures.enumerated() {
            var expected: [Double] = []
            for report in reports { expected.append(try #require(report.entries[e].targets[0].spearman).estimate) }
            for (value, reported) in zip(figure.perSeed, expected) { #expect(abs(value - reported) < 1e-12) }
            let mean: Double = expected.reduce(0, +) / 3
            let squares: Double = expected.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
            let sd = (squares / 2).squareRoot()
            #expect(abs(figure.mean - mean) < 1e-12)
            #expect(abs(try #require(figure.betweenSeedSD) - sd) < 1e-12)
            #expect(figure.wordTypes == [60, 60, 60])
            #expect(figure.interval?.method == "hierarchical-bootstrap-percentile")
        }
    }

    /// LAT's ρ ≈ 0.9 against rollout's ≈ 0.5 in every seed: LAT wins in all three, the interval excludes 0, and the
    /// p-value is 2·Φ(−|d| / SE) with SE the replicates' standard deviation; Holm multiplies it by at most 6 pairs.
    @Test func aDifferenceThatHoldsInEverySeedIsCountedAndSignificant() throws {
        let (_, comparison) = try Self.shared.get()
        #expect(comparison.pairs.count == 6)  // 4 headline figures, every pair once
        let pair = try #require(comparison.pairs.first { $0.first == "lat" && $0.second == "rollout" })
        #expect(pair.firstWins == 3)
        let interval = try #require(pair.interval)
        #expect(interval.lower > 0 && pair.meanDifference > interval.lower && pair.meanDifference < interval.upper)
        #expect(pair.standardError > 0 && pair.standardError < pair.meanDifference / 4)
        let p = try #require(pair.pValue), holm = try #require(pair.holm)
        #expect(abs(p - 2 * Normal.sf(pair.meanDifference / pair.standardError)) < 1e-15 && p < 1e-4)
        #expect(holm >= p && holm <= 6 * p + 1e-15)
        let lat = try #require(comparison.figures.first { $0.method == "lat" })
        let rollout = try #require(comparison.figures.first { $0.method == "rollout" })
        for k in 0..<3 {  // the same word types in both: the difference is the difference of the figures
            #expect(abs(pair.perSeed[k] - (lat.perSeed[k] - rollout.perSeed[k])) < 1e-12)
        }
    }

    /// Each figure has its own stream: leaving rollout out does not move LAT's interval.
    @Test func addingAMethodLeavesTheOthersIntervalsAsTheyWere() throws {
        let (_, comparison) = try Self.shared.get()
        let alone = try compareAcrossSeeds(try Self.reports(methods: [("lat", 0.1)]), seeds: [0, 1, 2], neutral: 5,
                                           resamples: 200, seed: 7)
        #expect(alone.figures.first { $0.method == "lat" } == comparison.figures.first { $0.method == "lat" })
    }

    @Test func oneSeedHasNoSpreadAndReportsMustMatch() throws {
        let (reports, _) = try Self.shared.get()
        let one = try compareAcrossSeeds([reports[0]], seeds: [4], neutral: 5, resamples: 200, seed: 7)
        #expect(one.figures.allSatisfy { $0.betweenSeedSD == nil && $0.interval?.method == "bootstrap-percentile" })
        var other = reports[1]
        other.entries.removeFirst()
        #expect(throws: StatisticsError.self) {
            try compareAcrossSeeds([reports[0], other], seeds: [0, 1], neutral: 5, resamples: 200, seed: 7)
        }
    }
}
