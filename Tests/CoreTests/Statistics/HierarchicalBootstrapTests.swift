// HierarchicalBootstrapTests: the two-stage bootstrap over seeds against a numpy replay of the same draws
// (Tests/scripts/make_statistics_fixtures.py), its reduction to the one-level bootstrap, and its checks.
import Foundation
import Testing
@testable import Core

@Suite struct HierarchicalBootstrapTests {
    let cases: [[String: Any]]

    init() throws { cases = try StatisticsFixtures.load("hierarchical").objects("cases") }

    /// The groups of a fixture case as arrays of values (means) or of (x, y) pairs (Spearman).
    private func run(_ fixture: [String: Any]) throws -> HierarchicalBootstrapResult {
        let groups = fixture["groups"] as! [[Any]]
        var generator = SplitMix64(seed: UInt64(fixture.double("seed")))
        let resamples = Int(fixture.double("resamples"))
        if fixture["statistic"] as? String == "spearman" {
            let pairs = groups.map { $0.map { ($0 as! [NSNumber]).map(\.doubleValue) } }
            return try hierarchicalBootstrapInterval(groupSizes: pairs.map { [$0.count] }, resamples: resamples,
                                                     using: &generator) { k, indices in
                let xs = indices[0].map { pairs[k][$0][0] }, ys = indices[0].map { pairs[k][$0][1] }
                guard isNotConstant(xs), isNotConstant(ys) else { return nil }
                return spearmanCoefficient(xs, ys)
            }
        }
        let values = groups.map { $0.map { ($0 as! NSNumber).doubleValue } }
        return try hierarchicalBootstrapInterval(groupSizes: values.map { [$0.count] }, resamples: resamples,
                                                 using: &generator) { k, indices in
            mean(indices[0].map { values[k][$0] })
        }
    }

    /// Same draws, same arithmetic order for the mean over seeds; the per-seed means and Spearman ρ differ
    /// from numpy's only by summation order (≈ 1e-16 relative), so 1e-9 relative is far above rounding and far
    /// below any different resample (which moves a quantile by ≥ 1e-3 here).
    @Test func matchesNumpyReplay() throws {
        #expect(cases.count == 4)
        for fixture in cases {
            let name = fixture["name"] as! String
            let result = try run(fixture)
            let perGroup = fixture.doubles("perGroup")
            #expect(result.perGroup.count == perGroup.count, "\(name)")
            for (observed, expected) in zip(result.perGroup, perGroup) { expectClose(observed, expected, relative: 1e-9, "\(name) per group") }
            expectClose(result.estimate, fixture.double("estimate"), relative: 1e-9, "\(name) estimate")
            if let sd = fixture["sd"] as? NSNumber {
                expectClose(try #require(result.betweenGroupSD), sd.doubleValue, relative: 1e-9, "\(name) sd")
            } else {
                #expect(result.betweenGroupSD == nil, "\(name): one seed has no between-seed spread")
            }
            #expect(result.replicates.count == Int(fixture.double("defined")), "\(name) defined replicates")
            let interval = try #require(result.interval)
            expectClose(interval.lower, fixture.double("lower"), relative: 1e-9, "\(name) lower")
            expectClose(interval.upper, fixture.double("upper"), relative: 1e-9, "\(name) upper")
        }
    }

    /// One seed: exactly today's one-level bootstrap (same replicates, same interval bounds).
    @Test func oneGroupIsTheOneLevelBootstrap() throws {
        let values: [Double] = [0.3, -1.2, 2.5, 0.0, 0.7, 1.1, -0.4, 0.9]
        var a = SplitMix64(seed: 8), b = SplitMix64(seed: 8)
        let hierarchical = try hierarchicalBootstrapInterval(groupSizes: [[values.count]], resamples: 500, using: &a) {
            _, indices in mean(indices[0].map { values[$0] })
        }
        let plain = try bootstrapInterval(sampleSize: values.count, resamples: 500, using: &b) { indices in
            mean(indices.map { values[$0] })
        }
        #expect(hierarchical.replicates == plain.replicates)
        #expect(hierarchical.interval?.lower == plain.interval?.lower)
        #expect(hierarchical.interval?.upper == plain.interval?.upper)
        #expect(hierarchical.estimate == plain.estimate)
    }

    /// Seeds that agree exactly and have no within-seed variation give a zero-width interval at their value.
    @Test func identicalConstantSeedsGiveAPointInterval() throws {
        var generator = SplitMix64(seed: 3)
        let result = try hierarchicalBootstrapInterval(groupSizes: [[4], [6], [5]], resamples: 200,
                                                       using: &generator) { _, _ in 0.25 }
        #expect(result.estimate == 0.25 && result.betweenGroupSD == 0)
        #expect(result.interval?.lower == 0.25 && result.interval?.upper == 0.25)
    }

    @Test func badInputsThrow() {
        var generator = SplitMix64(seed: 1)
        #expect(throws: StatisticsError.invalidArgument(name: "groupSizes", rule: "at least one group")) {
            try hierarchicalBootstrapInterval(groupSizes: [], resamples: 10, using: &generator) { _, _ in 0 }
        }
        #expect(throws: StatisticsError.tooFewObservations(n: 0, needed: 1)) {
            try hierarchicalBootstrapInterval(groupSizes: [[3], [0]], resamples: 10, using: &generator) { _, _ in 0 }
        }
        #expect(throws: StatisticsError.constantInput(argument: "group 1 (the statistic is undefined on it)")) {
            try hierarchicalBootstrapInterval(groupSizes: [[3], [3]], resamples: 10, using: &generator) { k, _ in
                k == 1 ? nil : 0
            }
        }
    }
}
