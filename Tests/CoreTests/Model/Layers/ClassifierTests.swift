// ClassifierTests: the MLP head's backward, with and without its dropout.
import Testing
@testable import Core

@Suite struct ClassifierTests {
    /// With and without dropout; the last case is a regression head reporting 2.5 + 0.4 · z.
    @Test(arguments: [(false, Float(0), Float(1)), (true, 0, 1), (true, 2.5, 0.4)])
    func backwardMatchesFiniteDifferences(training: Bool, shift: Float, scale: Float) {
        var layout = ParameterLayout()
        let layer = Classifier("c", modelWidth: 5, hiddenWidth: 6, outputs: 3, dropout: 0.3, shift: shift, scale: scale,
                               layout: &layout)
        let p0 = FloatBuffer(count: layout.count)
        var rng = SplitMix64(seed: 16)
        layer.initialize(p0.pointer, rng: &rng)
        let b = 3
        func run(_ p: [Float], _ x: [Float]) -> (FloatBuffer, FloatBuffer, Classifier.Cache) {
            let p = FloatBuffer(p), x = FloatBuffer(x)
            let cache = Classifier.Cache(activations: FloatBuffer(count: b * 6).retained, mask: FloatBuffer(count: b * 6).retained,
                                         dropped: FloatBuffer(count: b * 6).retained, outputs: FloatBuffer(count: b * 3).retained)
            var rng = SplitMix64(seed: 17)
            layer.forward(x.pointer, batchSize: b, parameters: p.pointer, cache: cache, training: training, rng: &rng)
            return (p, x, cache)
        }
        GradientCheck().check(
            label: "Classifier", parameters: p0.array, input: randomValues(b * 5, seed: 18),
            forward: { p, x in Array(UnsafeBufferPointer(start: run(p, x).2.outputs, count: b * 3)) },
            backward: { p, x, dy in
                let (p, x, cache) = run(p, x)
                let dy = FloatBuffer(dy), g = FloatBuffer(count: p.count), dx = FloatBuffer(count: x.count)
                let da = FloatBuffer(count: b * 6)
                layer.backward(dy.pointer, pooled: x.pointer, batchSize: b, parameters: p.pointer, gradients: g.pointer,
                               cache: cache, training: training, dActivations: da.pointer, dPooled: dx.pointer)
                return (g.array, dx.array)
            })
    }
}
