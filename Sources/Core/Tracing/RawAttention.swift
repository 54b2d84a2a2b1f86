// RawAttention: each layer's attention averaged over heads and query positions, reported layer by layer.

/// Raw attention of layer l: r^l_j = (1 / (H · n)) Σ_h Σ_i A^{l,h}[i][j], the mean attention that
/// token j of the layer below receives (mass 1 for row-stochastic maps).
///
/// Depth indexing follows `Attribution.layers`: layer l's attention is a distribution over the
/// tokens of depth l − 1, so `layers[l − 1]` = r^l for l = 1 … L, and `layers[L]` = α (the context
/// attention over the last layer, the same role one level up). `scores` = r^L, the last layer.
public struct RawAttention: AttentionAttributionMethod {
    public var id: MethodID { .rawAttention }

    public init() {}

    public func attribute(_ maps: AttentionMaps) -> Attribution {
        let n = maps.tokens
        var traces = [[Float]]()
        traces.reserveCapacity(maps.layers + 1)
        for l in 0..<maps.layers {
            let mean = maps.headMean(layer: l)
            var received = [Float](repeating: 0, count: n)
            for i in 0..<n {
                for j in 0..<n { received[j] += mean[i * n + j] }
            }
            let scale = 1 / Float(n)
            for j in 0..<n { received[j] *= scale }
            traces.append(received)
        }
        traces.append(maps.context)
        return Attribution(scores: traces[maps.layers - 1], layers: traces)
    }
}
