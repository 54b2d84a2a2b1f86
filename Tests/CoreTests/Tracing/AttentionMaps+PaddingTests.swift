// Tests for cutting a padded batch into per-example maps: padding changes no score and gets exactly zero.

import Testing
@testable import Core

@Suite struct AttentionMapsPaddingTests {
    /// Pads `examples` to length T as a masked softmax would: real rows put 0 on padding columns,
    /// padding rows hold garbage (uniform here), and the context is 0 on padding.
    static func padded(_ examples: [AttentionMaps], length t: Int) -> (layers: [[Float]], contexts: [Float]) {
        let heads = examples[0].heads, depth = examples[0].layers
        var layers = [[Float]](repeating: [Float](repeating: 1 / Float(t), count: examples.count * heads * t * t),
                               count: depth)
        var contexts = [Float](repeating: 0, count: examples.count * t)
        for (b, maps) in examples.enumerated() {
            let n = maps.tokens
            for l in 0..<depth {
                for h in 0..<heads {
                    for i in 0..<n {
                        for j in 0..<t {
                            layers[l][((b * heads + h) * t + i) * t + j] = j < n ? maps[l, h, i, j] : 0
                        }
                    }
                }
            }
            for i in 0..<n { contexts[b * t + i] = maps.context[i] }
        }
        return (layers, contexts)
    }

    @Test func unpadRecoversEveryExampleExactly() {
        let examples = [TracingFixtures.random(layers: 2, heads: 3, tokens: 3, seed: 1),
                        TracingFixtures.random(layers: 2, heads: 3, tokens: 6, seed: 2),
                        TracingFixtures.random(layers: 2, heads: 3, tokens: 1, seed: 3)]
        let batch = Self.padded(examples, length: 6)
        let unpadded = AttentionMaps.unpad(layerProbabilities: batch.layers, contexts: batch.contexts,
                                           heads: 3, length: 6, lengths: [3, 6, 1])
        #expect(unpadded == examples)
    }

    /// Tracing the padded T-token maps directly: the real tokens' scores equal the unpadded ones and
    /// padding gets exactly zero (for the methods that start from α and propagate down).
    @Test func paddingChangesNoScoreAndGetsZero() {
        let maps = TracingFixtures.random(layers: 3, heads: 2, tokens: 4, seed: 8)
        let batch = Self.padded([maps], length: 7)
        let paddedMaps = AttentionMaps(layers: 3, heads: 2, tokens: 7,
                                       probabilities: batch.layers.flatMap { $0 }, context: batch.contexts)
        let methods: [any AttentionAttributionMethod] = [LayerwiseAttentionTracing(), HeadAveragedAttentionTracing(),
                                                         AttentionRollout(), AttentionFlow(), ContextAttention()]
        for method in methods {
            let plain = method.attribute(maps).scores
            let withPadding = method.attribute(paddedMaps).scores
            expectClose(Array(withPadding.prefix(4)), plain.map(Double.init), tolerance: 1e-6, method.id.rawValue)
            #expect(withPadding.suffix(3).allSatisfy { $0 == 0 }, "\(method.id): padding scores \(withPadding.suffix(3))")
        }
    }
}
