// FaithfulnessAcrossSeedsTests: faithfulness figures over seeds, worked by hand on two seeds of three examples.
import Testing
@testable import Core

@Suite struct FaithfulnessAcrossSeedsTests {
    static func example(_ id: String, _ values: [MethodID: (comprehensiveness: Double, sufficiency: Double)]) -> ExampleEvaluation {
        ExampleEvaluation(id: id, faithfulness: Dictionary(uniqueKeysWithValues: values.map { method, v in
            (AttributionKey(method), FaithfulnessResult(tokenCounts: [1], comprehensiveness: [v.0], sufficiency: [v.1],
                                                        comprehensivenessAOPC: v.0, sufficiencyAOPC: v.1))
        }), plausibility: nil, sequencesScored: 2)
    }

    /// Seed 0: LAT comprehensiveness 0.3, 0.5, 0.4 (mean 0.4), rollout 0.1, 0.2, 0.3 (mean 0.2); seed 1: LAT 0.6, 0.2,
    /// 0.4 (0.4), rollout 0.5, 0.3, 0.1 (0.3). Over seeds: LAT 0.4 (SD 0), rollout 0.25 (SD √0.005 = 0.0707); the
    /// pair LAT − rollout 0.2 and 0.1 per seed, mean 0.15, LAT better in both. Sufficiency (lower is better): LAT
    /// 0.1 against rollout 0.05 in every example, so LAT is better in neither seed.
    @Test func handWorkedMeansSpreadsAndPairs() throws {
        let seeds = [
            [Self.example("a", [.lat: (0.3, 0.1), .rollout: (0.1, 0.05)]), Self.example("b", [.lat: (0.5, 0.1), .rollout: (0.2, 0.05)]),
             Self.example("c", [.lat: (0.4, 0.1), .rollout: (0.3, 0.05)])],
            [Self.example("a", [.lat: (0.6, 0.1), .rollout: (0.5, 0.05)]), Self.example("b", [.lat: (0.2, 0.1), .rollout: (0.3, 0.05)]),
             Self.example("c", [.lat: (0.4, 0.1), .rollout: (0.1, 0.05)])],
        ]
        let result = try faithfulnessAcrossSeeds(seeds, figures: [.comprehensiveness, .sufficiency], resamples: 200, seed: 3)
        let lat = try #require(result.figures.first { $0.figure == .comprehensiveness && $0.key == AttributionKey(.lat) })
        let rollout = try #require(result.figures.first { $0.figure == .comprehensiveness && $0.key == AttributionKey(.rollout) })
        #expect(zip(lat.perSeed, [0.4, 0.4]).allSatisfy { abs($0 - $1) < 1e-12 } && abs(lat.mean - 0.4) < 1e-12)
        #expect(abs(lat.betweenSeedSD!) < 1e-12 && lat.examples == [3, 3])
        #expect(abs(rollout.mean - 0.25) < 1e-12 && abs(rollout.betweenSeedSD! - 0.005.squareRoot()) < 1e-12)
        let pair = try #require(result.pairs.first { $0.figure == .comprehensiveness })
        #expect(pair.first == .lat && pair.second == .rollout && pair.firstBetter == 2)
        #expect(zip(pair.perSeed, [0.2, 0.1]).allSatisfy { abs($0 - $1) < 1e-12 } && abs(pair.meanDifference - 0.15) < 1e-12)
        #expect(pair.interval?.method == "hierarchical-bootstrap-percentile" && pair.holm != nil)
        let sufficiency = try #require(result.pairs.first { $0.figure == .sufficiency })
        #expect(sufficiency.firstBetter == 0 && abs(sufficiency.meanDifference - 0.05) < 1e-12)
        // Every example's difference is 0.05 in both seeds: no spread, no test.
        #expect(sufficiency.standardError < 1e-12 && sufficiency.pValue == nil && sufficiency.holm == nil)
    }
}
