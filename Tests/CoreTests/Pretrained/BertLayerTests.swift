// BertLayerTests: GELU against known values, and the layer's backward (parameters and input) by finite differences.
import Foundation
import Testing
@testable import Core

@Suite struct BertLayerTests {
    static let configuration = BertConfiguration(hiddenSize: 6, layers: 1, heads: 2, intermediateSize: 10,
                                                 maxPositions: 8, typeVocabularySize: 2, vocabularySize: 12)
    static let batch = BatchShape(batchSize: 2, length: 4, lengths: [4, 2])

    /// GELU(x) = ½x(1 + erf(x/√2)); values from Python `0.5*x*(1+math.erf(x/math.sqrt(2)))`.
    @Test(arguments: [(Float(-3), Float(-0.0040496)), (-1, -0.1586553), (0, 0), (0.5, 0.3457312), (2, 1.9544997)])
    func geluMatchesTheErfForm(x: Float, expected: Float) {
        var y: Float = 0
        withUnsafePointer(to: x) { u in gelu(u, into: &y, count: 1, threads: 1) }
        #expect(abs(y - expected) < 1e-6, "GELU(\(x)): expected \(expected), observed \(y)")
    }

    /// The Abramowitz–Stegun erf against the C library's on a fine grid over [−6, 6] (GELU's inputs).
    @Test func fastErfMatchesTheLibraryErfToFloatPrecision() {
        var largest: Float = 0
        for i in -6000...6000 {
            let x = Float(i) / 1000
            largest = max(largest, abs(fastErf(x) - Float(erf(Double(x)))))
        }
        #expect(largest < 5e-7)
        #expect(fastErf(0) == 0 && fastErf(-1) == -fastErf(1) && fastErf(9) == 1)
    }

    @Test func backwardMatchesFiniteDifferences() {
        var layout = ParameterLayout()
        let layer = BertLayer("l", configuration: Self.configuration, layout: &layout)
        let initial = FloatBuffer(count: layout.count)
        var rng = SplitMix64(seed: 3)
        layer.initialize(initial.pointer, rng: &rng)
        // Larger weights so the softmax and GELU are far from linear; non-trivial LayerNorm γ, β.
        let parameters = initial.array.enumerated().map { $1 * 2 + (($0 % 7 == 0) ? 0.3 : 0) }
        let rows = Self.batch.rows, d = Self.configuration.hiddenSize
        let realRows = (0..<rows).map { ($0 % Self.batch.length) < Self.batch.lengths[$0 / Self.batch.length] }
        let input = randomValues(rows * d, seed: 4)
        func run(_ p: [Float], _ x: [Float]) -> (BertWorkspace, FloatBuffer, FloatBuffer, FloatBuffer) {
            let w = BertWorkspace(configuration: Self.configuration, batchSize: 2, length: 4, threads: 1)
            let pb = FloatBuffer(p), xb = FloatBuffer(x), y = FloatBuffer(count: rows * d)
            layer.forward(xb.pointer, batch: Self.batch, parameters: pb.pointer, cache: w.layers[0], into: y.pointer,
                          threads: 1)
            return (w, pb, xb, y)
        }
        // Padded rows are masked to zero: they are not part of the output the loss sees.
        func forward(_ p: [Float], _ x: [Float]) -> [Float] {
            run(p, x).3.array.enumerated().map { realRows[$0 / d] ? $1 : 0 }
        }
        GradientCheck().check(label: "BertLayer", parameters: parameters, input: input, forward: forward) { p, x, dy in
            let (w, pb, xb, _) = run(p, x)
            let g = FloatBuffer(count: p.count)
            let dyMasked = dy.enumerated().map { realRows[$0 / d] ? $1 : 0 }
            let dx = FloatBuffer(dyMasked)
            layer.backward(dx.pointer, x: xb.pointer, batch: Self.batch, parameters: pb.pointer, gradients: g.pointer,
                           cache: w.layers[0], scratch: w.scratch, threads: 1)
            return (g.array, dx.array)
        }
    }
}
