// GradientClippingTests: the global norm, scaling above the limit, no change below it, non-finite input.
import Testing
@testable import Core

@Suite struct GradientClippingTests {
    @Test(arguments: [1, 2])
    func scalesToTheLimit(threads: Int) {
        // A 3-4-0… vector has norm 5 plus many zeros (to cross the threading threshold).
        var g = [Float](repeating: 0, count: 100_000)
        g[0] = 3
        g[99_999] = 4
        let norm = g.withUnsafeMutableBufferPointer { clipGradientNorm($0.baseAddress!, count: $0.count, maxNorm: 1, threads: threads) }
        #expect(abs(norm - 5) < 1e-6)
        #expect(abs(g[0] - 0.6) < 1e-5 && abs(g[99_999] - 0.8) < 1e-5)
    }

    @Test func leavesSmallGradientsAndReportsNaN() {
        var g: [Float] = [0.3, 0.4]
        let norm = g.withUnsafeMutableBufferPointer { clipGradientNorm($0.baseAddress!, count: 2, maxNorm: 1) }
        #expect(abs(norm - 0.5) < 1e-6 && g == [0.3, 0.4])
        var bad: [Float] = [1, .nan]
        let badNorm = bad.withUnsafeMutableBufferPointer { clipGradientNorm($0.baseAddress!, count: 2, maxNorm: 1) }
        #expect(badNorm.isNaN && bad[0] == 1)
    }
}
