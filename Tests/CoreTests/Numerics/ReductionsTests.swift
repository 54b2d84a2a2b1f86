// ReductionsTests: the 16-lane sums agree with Double references for lengths around the block size.
import Testing
@testable import Core

@Suite struct ReductionsTests {
    @Test(arguments: [0, 1, 15, 16, 17, 300])
    func agreeWithDoubleSums(count: Int) {
        let x = FloatBuffer(randomValues(count, seed: 1)), y = FloatBuffer(randomValues(count, seed: 2))
        let z = FloatBuffer(randomValues(count, seed: 3))
        let (a, b, c) = (x.array.map(Double.init), y.array.map(Double.init), z.array.map(Double.init))
        func close(_ f: Float, _ d: Double) -> Bool { abs(Double(f) - d) <= 1e-5 * (1 + abs(d)) }
        #expect(close(sum(x.pointer, count: count), a.reduce(0, +)))
        #expect(close(dot(x.pointer, y.pointer, count: count), zip(a, b).map { $0 * $1 }.reduce(0, +)))
        #expect(close(dot(x.pointer, y.pointer, z.pointer, count: count), (0..<count).map { a[$0] * b[$0] * c[$0] }.reduce(0, +)))
        #expect(close(sumOfSquaredDeviations(x.pointer, from: 0.25, count: count), a.map { ($0 - 0.25) * ($0 - 0.25) }.reduce(0, +)))
    }
}
