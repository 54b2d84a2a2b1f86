// DropoutTests: mask values, keep rate, determinism, and the backward.
import Testing
@testable import Core

@Suite struct DropoutTests {
    @Test func maskKeepsAboutOneMinusPScaled() {
        let dropout = Dropout(probability: 0.25)
        let mask = FloatBuffer(count: 10_000)
        var rng = SplitMix64(seed: 5)
        dropout.makeMask(mask.pointer, count: mask.count, rng: &rng)
        let values = mask.array
        #expect(values.allSatisfy { $0 == 0 || abs($0 - 1 / 0.75) < 1e-6 })
        let kept = Double(values.filter { $0 != 0 }.count) / Double(values.count)
        #expect(abs(kept - 0.75) < 0.02, "kept fraction \(kept)")
        var again = SplitMix64(seed: 5)
        let second = FloatBuffer(count: mask.count)
        dropout.makeMask(second.pointer, count: second.count, rng: &again)
        #expect(second.array == values, "same seed, same mask")
    }

    @Test func backwardMultipliesByTheSameMask() {
        let dropout = Dropout(probability: 0.5)
        let mask = FloatBuffer(count: 8)
        var rng = SplitMix64(seed: 6)
        dropout.makeMask(mask.pointer, count: 8, rng: &rng)
        GradientCheck().check(
            label: "Dropout", parameters: [], input: randomValues(8, seed: 7),
            forward: { _, x in
                let x = FloatBuffer(x), y = FloatBuffer(count: 8)
                dropout.forward(x.pointer, mask: mask.pointer, count: 8, into: y.pointer)
                return y.array
            },
            backward: { _, _, dy in
                let dy = FloatBuffer(dy), dx = FloatBuffer(count: 8)
                dropout.backward(dy.pointer, mask: mask.pointer, count: 8, dx: dx.pointer)
                return ([], dx.array)
            })
    }
}
