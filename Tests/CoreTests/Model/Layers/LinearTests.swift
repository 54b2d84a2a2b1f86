// LinearTests: Linear's backward against central differences, with and without bias.
import Testing
@testable import Core

@Suite struct LinearTests {
    @Test(arguments: [true, false])
    func backwardMatchesFiniteDifferences(hasBias: Bool) {
        var layout = ParameterLayout()
        let layer = Linear("l", input: 4, output: 3, hasBias: hasBias, layout: &layout)
        let parameters = FloatBuffer(count: layout.count)
        var rng = SplitMix64(seed: 1)
        layer.initialize(parameters.pointer, rng: &rng)
        let rows = 5
        GradientCheck().check(
            label: "Linear", parameters: parameters.array, input: randomValues(rows * 4, seed: 2),
            forward: { p, x in
                let p = FloatBuffer(p), x = FloatBuffer(x), y = FloatBuffer(count: rows * 3)
                layer.forward(x.pointer, rows: rows, parameters: p.pointer, into: y.pointer)
                return y.array
            },
            backward: { p, x, dy in
                let p = FloatBuffer(p), x = FloatBuffer(x), dy = FloatBuffer(dy)
                let g = FloatBuffer(count: p.count), dx = FloatBuffer(count: x.count)
                layer.backward(dy.pointer, x: x.pointer, rows: rows, parameters: p.pointer, gradients: g.pointer,
                               dx: dx.pointer)
                return (g.array, dx.array)
            })
    }

    /// y = x·Wᵀ + b on a hand-worked case: W = [[1, 2], [3, 4]], b = [1, −1], x = [1, 1] → [4, 6].
    @Test func forwardWorkedExample() {
        var layout = ParameterLayout()
        let layer = Linear("l", input: 2, output: 2, layout: &layout)
        let p = FloatBuffer([1, 2, 3, 4, 1, -1]), x = FloatBuffer([1, 1]), y = FloatBuffer(count: 2)
        layer.forward(x.pointer, rows: 1, parameters: p.pointer, into: y.pointer)
        #expect(y.array == [4, 6])
    }
}
