// FeedForwardTests: the D → F → ReLU → D network's backward against central differences.
import Testing
@testable import Core

@Suite struct FeedForwardTests {
    @Test func backwardMatchesFiniteDifferences() {
        var layout = ParameterLayout()
        let layer = FeedForward("f", modelWidth: 5, innerWidth: 7, layout: &layout)
        let parameters = FloatBuffer(count: layout.count)
        var rng = SplitMix64(seed: 8)
        layer.initialize(parameters.pointer, rng: &rng)
        let rows = 4
        GradientCheck().check(
            label: "FeedForward", parameters: parameters.array, input: randomValues(rows * 5, seed: 9),
            forward: { p, x in
                let p = FloatBuffer(p), x = FloatBuffer(x), h = FloatBuffer(count: rows * 7), y = FloatBuffer(count: rows * 5)
                layer.forward(x.pointer, rows: rows, parameters: p.pointer, hidden: h.pointer, into: y.pointer)
                return y.array
            },
            backward: { p, x, dy in
                let p = FloatBuffer(p), x = FloatBuffer(x), h = FloatBuffer(count: rows * 7), y = FloatBuffer(count: rows * 5)
                layer.forward(x.pointer, rows: rows, parameters: p.pointer, hidden: h.pointer, into: y.pointer)
                let dy = FloatBuffer(dy), g = FloatBuffer(count: p.count), dx = FloatBuffer(count: x.count)
                let dh = FloatBuffer(count: rows * 7)
                layer.backward(dy.pointer, x: x.pointer, hidden: h.pointer, rows: rows, parameters: p.pointer,
                               gradients: g.pointer, dHidden: dh.pointer, dx: dx.pointer, accumulateInput: false)
                return (g.array, dx.array)
            })
    }
}
