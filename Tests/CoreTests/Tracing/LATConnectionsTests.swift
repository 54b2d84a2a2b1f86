// Tests for LAT's connection edges: the hand-worked 2-layer case and the column-sum identity with LAT's traces.

import Testing
@testable import Core

@Suite struct LATConnectionsTests {
    /// E^l[i][j] = Σ_h s^{l,h}_i · A^{l,h}[i][j], with the chains of LayerwiseAttentionTracingTests.handWorkedCase.
    ///
    /// Depth 2 (s^{2,h} = α = [.5 .3 .2]): head 1 gives 0→1 .5, 1→2 .3, 2→0 .2; head 2 gives
    ///   0→0 .25, 0→1 .125, 0→2 .125, 1→0 .075, 1→1 .15, 1→2 .075, 2→2 .2.
    ///   Summed: 0→1 .625, 1→2 .375, 0→0 .25, then 2→0 .2 and 2→2 .2 (tie), …
    /// Depth 1: head 1 (s = [.2 .5 .3]): 0→0 .1, 0→1 .1, 1→1 .25, 1→2 .25, 2→0 .15, 2→2 .15;
    ///   head 2 (s = [.325 .275 .4]): 0→0 .325, 1→0 .275, 2→2 .4.
    ///   Summed: 2→2 .55, 0→0 .425, 1→0 .275, 1→1 .25, 1→2 .25, …
    @Test func handWorkedCase() {
        let edges = latConnections(TracingFixtures.handMade, perLayer: 3)
        let expected: [(Int, Int, Int, Double)] = [
            (1, 2, 2, 0.55), (1, 0, 0, 0.425), (1, 1, 0, 0.275),
            (2, 0, 1, 0.625), (2, 1, 2, 0.375), (2, 0, 0, 0.25),
        ]
        #expect(edges.count == expected.count)
        for (edge, e) in zip(edges, expected) {
            #expect(edge.layer == e.0 && edge.from == e.1 && edge.to == e.2, "\(edge) vs \(e)")
            #expect(abs(Double(edge.weight) - e.3) < 1e-6, "\(edge) vs \(e)")
        }
    }

    /// Ties keep the lower `from` first: at depth 2, 2→0 and 2→2 both weigh .2; the fourth edge is 2→0.
    @Test func tiesGoToTheLowerIndex() {
        let edges = latConnections(TracingFixtures.handMade, perLayer: 4).filter { $0.layer == 2 }
        #expect(edges.count == 4)
        #expect(edges[3].from == 2 && edges[3].to == 0)
    }

    /// Keeping every edge, the weights into token j at depth l − 1 add up to LAT's trace there, and the
    /// weights out of token i at depth l to LAT's trace at depth l.
    @Test(arguments: [(1, 1, 1), (2, 3, 5), (4, 4, 9)])
    func columnAndRowSumsAreLATsTraces(shape: (layers: Int, heads: Int, tokens: Int)) {
        let maps = TracingFixtures.random(layers: shape.layers, heads: shape.heads, tokens: shape.tokens, seed: 5)
        let n = shape.tokens
        let edges = latConnections(maps, perLayer: n * n)
        let lat = LayerwiseAttentionTracing(recordsHeads: false).attribute(maps).layers ?? []
        #expect(edges.count == shape.layers * n * n)
        for l in 1...shape.layers {
            var into = [Double](repeating: 0, count: n), out = [Double](repeating: 0, count: n)
            for edge in edges where edge.layer == l {
                into[edge.to] += Double(edge.weight)
                out[edge.from] += Double(edge.weight)
            }
            expectClose(lat[l - 1], into, tolerance: 1e-5, "into depth \(l - 1)")
            expectClose(lat[l], out, tolerance: 1e-5, "out of depth \(l)")
        }
    }

    @Test func nothingIsKeptForZero() {
        #expect(latConnections(TracingFixtures.handMade, perLayer: 0).isEmpty)
    }
}
