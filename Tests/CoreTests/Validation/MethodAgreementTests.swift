// MethodAgreementTests: per-sentence τ-b averaged per seed and over seeds, on sentences whose τ is known by hand.
import Testing
@testable import Core

@Suite struct MethodAgreementTests {
    static func record(_ a: [Float], _ b: [Float]) -> TraceRecord {
        TraceRecord(id: "s", tokens: a.indices.map { "w\($0)" }, label: .classIndex(0), prediction: .classIndex(0),
                    probabilities: nil,
                    attributions: [.lat: Attribution(scores: a), .rollout: Attribution(scores: b)],
                    integratedGradientsError: nil, isTruncated: false, connections: nil)
    }

    /// Seed 1: the same order (τ = 1), the reverse (τ = −1), and rollout constant (τ undefined, left out): mean 0 over
    /// 2 sentences. Seed 2: the same order, and one discordant pair of three with no ties (C = 2, D = 1: τ = 1/3):
    /// mean 2/3. Over the seeds: 1/3, SD √((1/3)² · 2) = 0.4714.
    @Test func handWorkedTauAveragedPerSeedAndOverSeeds() throws {
        let seeds = [
            [Self.record([1, 2, 3], [0.1, 0.2, 0.3]), Self.record([1, 2, 3], [3, 2, 1]), Self.record([1, 2], [5, 5])],
            [Self.record([1, 2, 3, 4], [2, 4, 6, 8]), Self.record([1, 2, 3], [1, 3, 2])],
        ]
        let pairs = try methodAgreement(seeds, methods: [.lat, .rollout], resamples: 200, seed: 1)
        let pair = try #require(pairs.first)
        #expect(pairs.count == 1 && pair.first == "lat" && pair.second == "rollout")
        #expect(pair.sentences == [2, 2])
        #expect(abs(pair.perSeed[0] - 0) < 1e-12 && abs(pair.perSeed[1] - 2.0 / 3) < 1e-12)
        #expect(abs(pair.mean - 1.0 / 3) < 1e-12 && abs(pair.betweenSeedSD! - (2.0 / 9).squareRoot()) < 1e-12)
        let interval = try #require(pair.interval)
        #expect(interval.method == "hierarchical-bootstrap-percentile" && interval.lower >= -1 && interval.upper <= 1)
    }

    /// A method missing from a seed's records, or never defined, leaves its pairs out instead of failing.
    @Test func pairsWithNoDefinedSentenceAreLeftOut() throws {
        let pairs = try methodAgreement([[Self.record([1, 2], [5, 5])]], methods: [.lat, .rollout, .integratedGradients],
                                        resamples: 100, seed: 1)
        #expect(pairs.isEmpty)
    }
}
