// TracingFixtures: the hand-made attention maps and the tolerance check shared by the tracing and faithfulness tests.

import Foundation
import Testing
@testable import Core

/// Checks two vectors entry by entry; a failure names the label, index, expected, observed and error.
func expectClose(_ observed: [Float], _ expected: [Double], tolerance: Double = 1e-6, _ label: String = "",
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(observed.count == expected.count, "\(label): \(observed.count) values, expected \(expected.count)",
            sourceLocation: sourceLocation)
    for (i, (o, e)) in zip(observed, expected).enumerated() {
        let error = abs(Double(o) - e)
        #expect(error <= tolerance, "\(label)[\(i)]: expected \(e), observed \(o), error \(error)",
                sourceLocation: sourceLocation)
    }
}

enum TracingFixtures {
    /// 2 layers, 2 heads, 3 tokens, α = [0.5, 0.3, 0.2]. Storage layer 0 is A^1, layer 1 is A^2.
    ///
    ///     A^{1,1} = [[.5 .5 0 ] [0 .5 .5] [.5 0 .5]]     A^{1,2} = [[1 0 0] [1 0 0] [0 0 1]]
    ///     A^{2,1} = [[0 1 0] [0 0 1] [1 0 0]]            A^{2,2} = [[.5 .25 .25] [.25 .5 .25] [0 0 1]]
    static let handMade: AttentionMaps = {
        let a11: [Float] = [0.5, 0.5, 0, 0, 0.5, 0.5, 0.5, 0, 0.5]
        let a12: [Float] = [1, 0, 0, 1, 0, 0, 0, 0, 1]
        let a21: [Float] = [0, 1, 0, 0, 0, 1, 1, 0, 0]
        let a22: [Float] = [0.5, 0.25, 0.25, 0.25, 0.5, 0.25, 0, 0, 1]
        return AttentionMaps(layers: 2, heads: 2, tokens: 3, probabilities: a11 + a12 + a21 + a22,
                             context: [0.5, 0.3, 0.2])
    }()

    /// Random row-stochastic maps (softmax of normal logits), for property tests.
    static func random(layers: Int, heads: Int, tokens n: Int, seed: UInt64) -> AttentionMaps {
        var g = SplitMix64(seed: seed)
        func softmaxRow() -> [Float] {
            let e = (0..<n).map { _ in Float(exp(Double(2 * g.nextNormal()))) }
            let s = e.reduce(0, +)
            return e.map { $0 / s }
        }
        var p = [Float]()
        for _ in 0..<(layers * heads * n) { p += softmaxRow() }
        return AttentionMaps(layers: layers, heads: heads, tokens: n, probabilities: p, context: softmaxRow())
    }
}
