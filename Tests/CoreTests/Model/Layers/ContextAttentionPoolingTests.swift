// ContextAttentionPoolingTests: α is a masked distribution, and the backward matches central differences.
import Testing
@testable import Core

@Suite struct ContextAttentionPoolingTests {
    static let batch = BatchShape(batchSize: 2, length: 4, lengths: [3, 4])
    static let d = 5

    func makeLayer() -> (ContextAttentionPooling, [Float]) {
        var layout = ParameterLayout()
        let layer = ContextAttentionPooling("p", modelWidth: Self.d, hiddenWidth: 6, layout: &layout)
        let p = FloatBuffer(count: layout.count)
        var rng = SplitMix64(seed: 14)
        layer.initialize(p.pointer, rng: &rng)
        return (layer, p.array.map { $0 * 3 })
    }

    func makeCache() -> ContextAttentionPooling.Cache {
        let n = Self.batch.rows
        return .init(activations: FloatBuffer(count: n * 6).retained, scores: FloatBuffer(count: n).retained,
                     weights: FloatBuffer(count: n).retained, pooled: FloatBuffer(count: 2 * Self.d).retained)
    }

    @Test func backwardMatchesFiniteDifferencesAndPaddingIsIgnored() {
        let (layer, parameters) = makeLayer()
        let batch = Self.batch
        func run(_ p: [Float], _ x: [Float]) -> (FloatBuffer, FloatBuffer, ContextAttentionPooling.Cache) {
            let p = FloatBuffer(p), x = FloatBuffer(x), cache = makeCache()
            layer.forward(x.pointer, batch: batch, parameters: p.pointer, cache: cache)
            return (p, x, cache)
        }
        let input = randomValues(batch.rows * Self.d, seed: 15)
        let (_, _, cache) = run(parameters, input)
        let alpha = (0..<8).map { cache.weights[$0] }
        #expect(abs(alpha[0..<3].reduce(0, +) - 1) < 1e-5 && alpha[3] == 0, "α of sequence 0: \(alpha[0..<4])")
        #expect(abs(alpha[4..<8].reduce(0, +) - 1) < 1e-5)
        var check = GradientCheck()
        check.samples = 100
        check.check(
            label: "ContextAttentionPooling", parameters: parameters, input: input,
            forward: { p, x in
                let cache = run(p, x).2
                return Array(UnsafeBufferPointer(start: cache.pooled, count: 2 * Self.d))
            },
            backward: { p, x, dy in
                let (p, x, cache) = run(p, x)
                let dy = FloatBuffer(dy), g = FloatBuffer(count: p.count), dx = FloatBuffer(count: x.count)
                let da = FloatBuffer(count: batch.rows * 6), de = FloatBuffer(count: batch.rows)
                layer.backward(dy.pointer, h: x.pointer, batch: batch, parameters: p.pointer, gradients: g.pointer,
                               cache: cache, dh: dx.pointer, dActivations: da.pointer, dScores: de.pointer)
                return (g.array, dx.array)
            })
    }
}
