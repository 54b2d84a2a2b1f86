// LayerwiseAttentionTracing: LAT as in Wu, Nguyen & Ong (2020): one chain per head, summed at the input.

/// Layer-wise Attention Tracing (LAT), as the paper and the authors' code compute it.
///
/// For each head h: s^{L,h} = α, and s^{l−1,h} = s^{l,h} · A^{l,h} for l = L … 1 (head h of every
/// layer, one chain, no residual). Token scores: Σ_h s^{0,h}.
///
/// Recorded traces: `layers[l]` = Σ_h s^{l,h} (so `layers[L]` = H · α and `layers[0]` = `scores`)
/// and, when `recordsHeads`, `heads[h][l]` = s^{l,h}. With row-stochastic attention every chain keeps
/// mass Σ_j s^{l,h}_j = Σ α = 1 at every depth, so the summed traces have mass H.
/// Cost: L · H vector–matrix products (L · H · n² multiply–adds).
///
/// Reference: Wu, Nguyen & Ong, "Structured Self-Attention Weights Encode Semantics in Sentiment
/// Analysis", BlackboxNLP 2020, arXiv:2010.04922.
public struct LayerwiseAttentionTracing: AttentionAttributionMethod {
    public var recordsHeads: Bool
    public var id: MethodID { .lat }

    public init(recordsHeads: Bool = true) { self.recordsHeads = recordsHeads }

    public func attribute(_ maps: AttentionMaps) -> Attribution {
        let n = maps.tokens, depth = maps.layers
        var summed = [[Float]](repeating: [Float](repeating: 0, count: n), count: depth + 1)
        var perHead = [[[Float]]]()
        if recordsHeads { perHead.reserveCapacity(maps.heads) }
        for h in 0..<maps.heads {
            let chain = propagateDown(maps.context, layers: depth, tokens: n, matrices: maps.probabilities) {
                maps.offset(layer: $0, head: h)
            }
            for l in 0...depth {
                for j in 0..<n { summed[l][j] += chain[l][j] }
            }
            if recordsHeads { perHead.append(chain) }
        }
        return Attribution(scores: summed[0], layers: summed, heads: recordsHeads ? perHead : nil)
    }
}
