// EncoderLayerTests: the post-LN block's backward (attention, residuals, norms, FFN, dropout) with padding.
import Testing
@testable import Core

@Suite struct EncoderLayerTests {
    @Test(arguments: [Float(0), Float(0.2)])
    func backwardMatchesFiniteDifferences(dropout: Float) {
        let configuration = ModelConfiguration(vocabularySize: 7, modelWidth: 6, layers: 1, heads: 2, keyWidth: 3,
                                               valueWidth: 2, feedForwardWidth: 5, dropout: dropout)
        var layout = ParameterLayout()
        let layer = EncoderLayer("l", configuration: configuration, layout: &layout)
        let p0 = FloatBuffer(count: layout.count)
        var rng = SplitMix64(seed: 21)
        layer.initialize(p0.pointer, rng: &rng)
        let batch = BatchShape(batchSize: 2, length: 3, lengths: [3, 2])
        let n = batch.rows, d = 6, w = layer.attention.fusedWidth, squares = 2 * 2 * 3 * 3
        func cache() -> EncoderLayer.Cache {
            func make(_ count: Int) -> UnsafeMutablePointer<Float> { FloatBuffer(count: count).retained }
            return .init(attention: .init(qkv: make(n * w), probabilities: make(squares), mask: make(squares),
                                          dropped: make(squares), context: make(n * 4)),
                         attentionOutput: make(n * d), attentionMask: make(n * d), sum1: make(n * d), normed1: make(n * d),
                         mean1: make(n), rstd1: make(n), hidden: make(n * 5), feedForwardOutput: make(n * d),
                         feedForwardMask: make(n * d), sum2: make(n * d), mean2: make(n), rstd2: make(n))
        }
        func run(_ p: [Float], _ x: [Float]) -> (FloatBuffer, FloatBuffer, FloatBuffer, EncoderLayer.Cache) {
            let p = FloatBuffer(p), x = FloatBuffer(x), y = FloatBuffer(count: n * d), c = cache()
            var rng = SplitMix64(seed: 22)
            layer.forward(x.pointer, batch: batch, parameters: p.pointer, cache: c, into: y.pointer,
                          training: dropout > 0, rng: &rng, threads: 1)
            return (p, x, y, c)
        }
        var check = GradientCheck()
        check.samples = 120
        check.check(
            label: "EncoderLayer", parameters: p0.array, input: randomValues(n * d, seed: 23),
            forward: { p, x in
                // Padded rows of y depend on padded inputs only through row-wise maps; compare real rows.
                let y = run(p, x).2.array
                return (0..<n).filter { $0 % 3 < batch.lengths[$0 / 3] }.flatMap { Array(y[$0 * d..<($0 + 1) * d]) }
            },
            backward: { p, x, dyReal in
                let (p, x, _, c) = run(p, x)
                let dy = FloatBuffer(count: n * d)
                var k = 0
                for row in 0..<n where row % 3 < batch.lengths[row / 3] {
                    for j in 0..<d { dy.pointer[row * d + j] = dyReal[k]; k += 1 }
                }
                let g = FloatBuffer(count: p.count)
                func make(_ count: Int) -> UnsafeMutablePointer<Float> { FloatBuffer(count: count).retained }
                let scratch = EncoderLayer.Scratch(d1: make(n * d), d2: make(n * d), dqkv: make(n * w), dContext: make(n * 4),
                                                   dHidden: make(n * 5), attention: make(9))
                layer.backward(dy.pointer, x: x.pointer, batch: batch, parameters: p.pointer, gradients: g.pointer,
                               cache: c, scratch: scratch, training: dropout > 0, threads: 1)
                return (g.array, dy.array)
            })
    }
}
