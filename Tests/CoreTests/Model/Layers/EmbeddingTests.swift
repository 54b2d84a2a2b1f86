// EmbeddingTests: lookup, the padding row, and the gradient of the table and of the projection.
import Testing
@testable import Core

@Suite struct EmbeddingTests {
    @Test(arguments: [4, 3])
    func backwardMatchesFiniteDifferences(tableWidth: Int) {
        var layout = ParameterLayout()
        let layer = Embedding("e", vocabularySize: 6, width: tableWidth, modelWidth: 4, layout: &layout)
        #expect((layer.projection != nil) == (tableWidth != 4))
        let p0 = FloatBuffer(count: layout.count)
        var rng = SplitMix64(seed: 19)
        layer.initialize(p0.pointer, rng: &rng)
        #expect((0..<tableWidth).allSatisfy { p0.pointer[layer.table + $0] == 0 }, "padding row starts at zero")
        let ids: [Int32] = [1, 5, 2, 5, 0]
        let rows = ids.count
        func run(_ p: [Float]) -> (FloatBuffer, FloatBuffer, FloatBuffer) {
            let p = FloatBuffer(p), lookup = FloatBuffer(count: rows * tableWidth)
            let y = layer.projection == nil ? lookup : FloatBuffer(count: rows * 4)
            ids.withUnsafeBufferPointer {
                layer.forward($0.baseAddress!, rows: rows, parameters: p.pointer, lookup: lookup.pointer, into: y.pointer)
            }
            return (p, lookup, y)
        }
        GradientCheck().check(
            label: "Embedding", parameters: p0.array, input: [],
            forward: { p, _ in run(p).2.array },
            backward: { p, _, dy in
                let (p, lookup, _) = run(p)
                let dy = FloatBuffer(dy), g = FloatBuffer(count: p.count), dLookup = FloatBuffer(count: rows * tableWidth)
                ids.withUnsafeBufferPointer {
                    layer.backward(dy.pointer, ids: $0.baseAddress!, rows: rows, parameters: p.pointer, gradients: g.pointer,
                                   lookup: lookup.pointer, dLookup: dLookup.pointer)
                }
                // The padding row is frozen: its numeric gradient is not zero (row 0 is looked up) but it
                // must receive none, so compare it separately and report the rest to the checker.
                #expect((0..<tableWidth).allSatisfy { g.pointer[layer.table + $0] == 0 }, "padding row gets no gradient")
                for j in 0..<tableWidth { g.pointer[layer.table + j] = .nan }
                return (g.array, [])
            }, checkInput: false, skipNaN: true)
    }
}
