// LayerNormTests: normalisation statistics and the backward against central differences.
import Testing
@testable import Core

@Suite struct LayerNormTests {
    func makeLayer() -> (LayerNorm, [Float]) {
        var layout = ParameterLayout()
        let layer = LayerNorm("n", width: 6, epsilon: 1e-5, layout: &layout)
        // Non-trivial γ, β so their gradients and the γ path of dx are exercised.
        return (layer, randomValues(layout.count, scale: 1, seed: 3).map { $0 + 0.5 })
    }

    @Test func outputHasZeroMeanUnitVarianceBeforeAffine() {
        var layout = ParameterLayout()
        let layer = LayerNorm("n", width: 4, epsilon: 0, layout: &layout)
        let p = FloatBuffer(count: layout.count)
        layer.initialize(p.pointer)
        let x = FloatBuffer([1, 2, 3, 4]), y = FloatBuffer(count: 4), mean = FloatBuffer(count: 1), rstd = FloatBuffer(count: 1)
        layer.forward(x.pointer, rows: 1, parameters: p.pointer, into: y.pointer, mean: mean.pointer, rstd: rstd.pointer, threads: 1)
        // mean 2.5, variance 1.25 → y = (x − 2.5)/√1.25
        let expected: [Float] = [1, 2, 3, 4].map { ($0 - 2.5) / Float(1.25).squareRoot() }
        for (a, b) in zip(y.array, expected) { #expect(abs(a - b) < 1e-5, "\(y.array) vs \(expected)") }
    }

    @Test(arguments: [1, 2])
    func backwardMatchesFiniteDifferences(threads: Int) {
        let (layer, parameters) = makeLayer()
        let rows = 4
        GradientCheck().check(
            label: "LayerNorm", parameters: parameters, input: randomValues(rows * 6, scale: 2, seed: 4),
            forward: { p, x in
                let p = FloatBuffer(p), x = FloatBuffer(x), y = FloatBuffer(count: x.count)
                let mean = FloatBuffer(count: rows), rstd = FloatBuffer(count: rows)
                layer.forward(x.pointer, rows: rows, parameters: p.pointer, into: y.pointer, mean: mean.pointer,
                              rstd: rstd.pointer, threads: threads)
                return y.array
            },
            backward: { p, x, dy in
                let p = FloatBuffer(p), x = FloatBuffer(x), dy = FloatBuffer(dy), y = FloatBuffer(count: x.count)
                let mean = FloatBuffer(count: rows), rstd = FloatBuffer(count: rows)
                layer.forward(x.pointer, rows: rows, parameters: p.pointer, into: y.pointer, mean: mean.pointer,
                              rstd: rstd.pointer, threads: threads)
                let g = FloatBuffer(count: p.count), dx = FloatBuffer(count: x.count)
                layer.backward(dy.pointer, x: x.pointer, mean: mean.pointer, rstd: rstd.pointer, rows: rows,
                               parameters: p.pointer, gradients: g.pointer, dx: dx.pointer, threads: threads)
                return (g.array, dx.array)
            })
    }
}
