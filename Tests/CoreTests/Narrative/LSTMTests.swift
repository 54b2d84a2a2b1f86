// LSTMTests: the LSTM's backward against central differences with ragged lengths, masking, a worked step.
import Foundation
import Testing
@testable import Core

@Suite struct LSTMTests {
    static func make(input: Int = 3, hidden: Int = 4) -> (LSTM, FloatBuffer) {
        var layout = ParameterLayout()
        let layer = LSTM("lstm", inputWidth: input, hiddenWidth: hidden, layout: &layout)
        let parameters = FloatBuffer(count: layout.count)
        var rng = SplitMix64(seed: 3)
        layer.initialize(parameters.pointer, rng: &rng)
        return (layer, parameters)
    }

    @Test func layoutHasGateOrderSizes() {
        var layout = ParameterLayout()
        _ = LSTM("lstm", inputWidth: 3, hiddenWidth: 4, layout: &layout)
        #expect(layout.entries.map(\.name) == ["lstm.input.weight", "lstm.input.bias", "lstm.recurrent.weight"])
        #expect(layout.entries.map(\.shape) == [[16, 3], [16], [16, 4]])
    }

    /// Three sequences of lengths 4, 1 and 3 padded to 4: every parameter and input gradient.
    @Test func backwardMatchesFiniteDifferencesWithRaggedLengths() {
        let (layer, parameters) = Self.make()
        let shape = BatchShape(batchSize: 3, length: 4, lengths: [4, 1, 3])
        GradientCheck(samples: 60).check(
            label: "LSTM", parameters: parameters.array, input: randomValues(shape.rows * 3, scale: 1.5, seed: 4),
            forward: { p, x in
                let p = FloatBuffer(p), x = FloatBuffer(x)
                return layer.forward(x.pointer, batch: shape, parameters: p.pointer).outputs.array
            },
            backward: { p, x, dy in
                let p = FloatBuffer(p), x = FloatBuffer(x), dy = FloatBuffer(dy)
                let g = FloatBuffer(count: p.count), dx = FloatBuffer(count: x.count)
                let cache = layer.forward(x.pointer, batch: shape, parameters: p.pointer)
                layer.backward(dy.pointer, x: x.pointer, batch: shape, cache: cache, parameters: p.pointer,
                               gradients: g.pointer, dx: dx.pointer)
                return (g.array, dx.array)
            })
    }

    /// Padding changes nothing: a sequence alone equals the same sequence padded inside a batch, padded
    /// outputs are 0 and padded inputs get no gradient.
    @Test func paddingIsMasked() {
        let (layer, parameters) = Self.make()
        let x = randomValues(2 * 5 * 3, seed: 5)
        let padded = BatchShape(batchSize: 2, length: 5, lengths: [5, 2])
        let input = FloatBuffer(x), second = FloatBuffer(Array(x[15..<21]))
        let batch = layer.forward(input.pointer, batch: padded, parameters: parameters.pointer).outputs.array
        let alone = layer.forward(second.pointer, batch: BatchShape(batchSize: 1, length: 2, lengths: [2]),
                                  parameters: parameters.pointer).outputs.array
        withExtendedLifetime(second) {}
        for k in 0..<8 { #expect(abs(batch[20 + k] - alone[k]) < 1e-6) }
        #expect(batch[28..<40].allSatisfy { $0 == 0 })
        let cache = layer.forward(input.pointer, batch: padded, parameters: parameters.pointer)
        let dx = FloatBuffer(count: x.count), dy = FloatBuffer([Float](repeating: 1, count: 40))
        layer.backward(dy.pointer, x: input.pointer, batch: padded, cache: cache, parameters: parameters.pointer,
                       gradients: nil, dx: dx.pointer)
        withExtendedLifetime((input, dy)) {}
        #expect(dx.array[21..<30].allSatisfy { $0 == 0 })
        #expect(dx.array[15..<21].contains { $0 != 0 })
    }

    /// One step by hand: with W_x = 0, W_h = 0 and bias (z_i, z_f, z_g, z_o) = (0, 0, ln 3, 0) for a width 1:
    /// i = f = o = ½, g = tanh(ln 3) = 0.8, c = ½·0.8 = 0.4, h = ½·tanh(0.4).
    @Test func forwardWorkedStep() {
        var layout = ParameterLayout()
        let layer = LSTM("lstm", inputWidth: 1, hiddenWidth: 1, layout: &layout)
        let p = FloatBuffer(count: layout.count)
        p.pointer[layer.input.bias! + 2] = Float(log(3.0))
        let x = FloatBuffer([7])
        let cache = layer.forward(x.pointer, batch: BatchShape(batchSize: 1, length: 1, lengths: [1]), parameters: p.pointer)
        withExtendedLifetime(x) {}
        #expect(abs(cache.cells.array[0] - 0.4) < 1e-6)
        #expect(abs(cache.outputs.array[0] - 0.5 * Float(tanh(0.4))) < 1e-6)
    }
}
