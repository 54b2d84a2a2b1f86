// BootstrapTests: seeded percentile and BCa intervals against a Python replay of the same resamples, and against
// the analytic t interval for the mean of normal data.
import Testing
@testable import Core

@Suite struct BootstrapTests {
    let fixture: [String: Any]

    init() throws { fixture = try StatisticsFixtures.load("tests").object("bootstrap") }

    private func bootstrapMean(_ method: BootstrapMethod) throws -> BootstrapResult {
        let data = fixture.doubles("data")
        var generator = SplitMix64(seed: UInt64(fixture.double("seed")))
        return try bootstrapInterval(sampleSize: data.count, resamples: Int(fixture.double("resamples")),
                                     method: method, using: &generator) { indices in
            indices.reduce(0.0) { $0 + data[$1] } / Double(indices.count)
        }
    }

    @Test(arguments: [(BootstrapMethod.percentile, "meanPercentile"), (.bca, "meanBCa")])
    func meanIntervalMatchesPythonReplay(method: BootstrapMethod, key: String) throws {
        let result = try bootstrapMean(method)
        let expected = fixture.object(key)
        for (i, value) in expected.doubles("first_replicates").enumerated() {
            expectClose(result.replicates[i], value, relative: 1e-12, "replicate \(i)")
        }
        let interval = try #require(result.interval)
        expectClose(interval.lower, expected.double("lower"), "lower")
        expectClose(interval.upper, expected.double("upper"), "upper")
        #expect(interval.method == (method == .bca ? "bootstrap-bca" : "bootstrap-percentile"))
    }

    /// For the mean of 30 normal values the bootstrap interval approximates the t interval (bootstrap intervals
    /// are known to be a little narrow at small n, hence the loose tolerance: 15% of the t interval's width).
    @Test(arguments: [BootstrapMethod.percentile, .bca])
    func meanIntervalApproximatesTInterval(method: BootstrapMethod) throws {
        let interval = try #require(try bootstrapMean(method).interval)
        let t = fixture.doubles("tInterval"), width = t[1] - t[0]
        #expect(abs(interval.lower - t[0]) < 0.15 * width, "lower \(interval.lower) vs t \(t[0])")
        #expect(abs(interval.upper - t[1]) < 0.15 * width, "upper \(interval.upper) vs t \(t[1])")
    }

    @Test func sameSeedSameIntervalDifferentSeedDifferentInterval() throws {
        let data: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9]
        func run(_ seed: UInt64) throws -> ConfidenceInterval? {
            var generator = SplitMix64(seed: seed)
            return try bootstrapInterval(sampleSize: data.count, resamples: 1_000, using: &generator) {
                $0.reduce(0.0) { $0 + data[$1] } / Double($0.count)
            }.interval
        }
        #expect(try run(5) == run(5))
        #expect(try run(5) != run(6))
    }

    @Test func mostlyUndefinedResamplesGiveNoInterval() throws {
        var generator = SplitMix64(seed: 1)
        let result = try bootstrapInterval(sampleSize: 2, resamples: 1_000, using: &generator) { indices in
            indices[0] == indices[1] ? nil : 1.0
        }
        #expect(result.interval == nil)
        #expect(result.replicates.count < 1_000)
    }

    @Test func bcaFallsBackToPercentileWhenEveryReplicateIsEqual() throws {
        var generator = SplitMix64(seed: 1)
        let result = try bootstrapInterval(sampleSize: 5, resamples: 200, method: .bca, using: &generator) { _ in 2.0 }
        let interval = try #require(result.interval)
        #expect(interval.lower == 2 && interval.upper == 2)
        #expect(interval.method == "bootstrap-percentile (bca undefined)")
    }

    @Test func invalidArgumentsThrow() {
        var generator = SplitMix64(seed: 1)
        #expect(throws: StatisticsError.invalidArgument(name: "level", rule: "in (0, 1)")) {
            try bootstrapInterval(sampleSize: 3, resamples: 10, level: 1, using: &generator) { _ in 0 }
        }
        #expect(throws: StatisticsError.tooFewObservations(n: 0, needed: 1)) {
            try bootstrapInterval(sampleSize: 0, resamples: 10, using: &generator) { _ in 0 }
        }
    }
}
