// MultiHeadAttentionTests: masked softmax probabilities and the backward (with padding and dropout).
import Testing
@testable import Core

@Suite struct MultiHeadAttentionTests {
    static let batch = BatchShape(batchSize: 2, length: 4, lengths: [4, 2])
    static let (d, h, k, v) = (6, 2, 3, 2)

    struct Harness {
        let layer: MultiHeadAttention
        let parameters: [Float]
        init(dropout: Float) {
            var layout = ParameterLayout()
            layer = MultiHeadAttention("a", modelWidth: d, heads: h, keyWidth: k, valueWidth: v, dropout: dropout,
                                       layout: &layout)
            let p = FloatBuffer(count: layout.count)
            var rng = SplitMix64(seed: 10)
            layer.initialize(p.pointer, rng: &rng)
            // Larger weights make the softmax far from uniform, so its Jacobian matters.
            parameters = p.array.map { $0 * 2 }
        }
        func makeCache() -> MultiHeadAttention.Cache {
            let n = batch.rows, squares = batch.batchSize * h * batch.length * batch.length
            return .init(qkv: FloatBuffer(count: n * layer.fusedWidth).retained, probabilities: FloatBuffer(count: squares).retained,
                         mask: FloatBuffer(count: squares).retained, dropped: FloatBuffer(count: squares).retained,
                         context: FloatBuffer(count: n * h * v).retained)
        }
    }

    @Test func probabilitiesAreMaskedRowStochastic() {
        let harness = Harness(dropout: 0)
        let cache = harness.makeCache()
        let p = FloatBuffer(harness.parameters), x = FloatBuffer(randomValues(Self.batch.rows * Self.d, seed: 11))
        let y = FloatBuffer(count: x.count)
        var rng = SplitMix64(seed: 0)
        harness.layer.forward(x.pointer, batch: Self.batch, parameters: p.pointer, cache: cache, into: y.pointer,
                              training: false, rng: &rng, threads: 1)
        let t = Self.batch.length
        for b in 0..<2 {
            for head in 0..<Self.h {
                for i in 0..<t {
                    let row = (0..<t).map { cache.probabilities[((b * Self.h + head) * t + i) * t + $0] }
                    let l = Self.batch.lengths[b]
                    if i < l {
                        #expect(abs(row.reduce(0, +) - 1) < 1e-5, "b \(b) head \(head) row \(i): \(row)")
                        #expect(row[l...].allSatisfy { $0 == 0 }, "padded keys get no attention: \(row)")
                    } else {
                        #expect(row.allSatisfy { $0 == 0 }, "padded query rows are zero: \(row)")
                    }
                }
            }
        }
    }

    @Test(arguments: [(Float(0), 1), (Float(0.3), 1), (Float(0.3), 2)])
    func backwardMatchesFiniteDifferences(dropout: Float, threads: Int) {
        let harness = Harness(dropout: dropout)
        let layer = harness.layer, batch = Self.batch
        let training = dropout > 0
        func run(_ p: [Float], _ x: [Float]) -> (FloatBuffer, FloatBuffer, FloatBuffer, MultiHeadAttention.Cache) {
            let p = FloatBuffer(p), x = FloatBuffer(x), y = FloatBuffer(count: x.count)
            let cache = harness.makeCache()
            var rng = SplitMix64(seed: 12)  // the same dropout mask on every call
            layer.forward(x.pointer, batch: batch, parameters: p.pointer, cache: cache, into: y.pointer,
                          training: training, rng: &rng, threads: threads)
            return (p, x, y, cache)
        }
        var check = GradientCheck()
        check.samples = 200
        check.check(
            label: "MultiHeadAttention", parameters: harness.parameters,
            input: randomValues(batch.rows * Self.d, seed: 13),
            forward: { p, x in run(p, x).2.array },
            backward: { p, x, dy in
                let (p, x, _, cache) = run(p, x)
                let dy = FloatBuffer(dy), g = FloatBuffer(count: p.count), dx = FloatBuffer(count: x.count)
                let dqkv = FloatBuffer(count: batch.rows * layer.fusedWidth)
                let dContext = FloatBuffer(count: batch.rows * Self.h * Self.v)
                let scratch = FloatBuffer(count: threads * batch.length * batch.length)
                layer.backward(dy.pointer, x: x.pointer, batch: batch, parameters: p.pointer, gradients: g.pointer,
                               cache: cache, training: training, dx: dx.pointer, dqkv: dqkv.pointer,
                               dContext: dContext.pointer, scratch: scratch.pointer, threads: threads)
                return (g.array, dx.array)
            })
    }
}
