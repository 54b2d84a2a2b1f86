// HeadAveragedAttentionTracing: LAT with the heads of each layer averaged into one matrix (one chain).

/// LAT with heads averaged per layer: s^L = α, s^{l−1} = s^l · Ā^l with Ā^l = (1/H) Σ_h A^{l,h}.
///
/// `layers[l]` = s^l (mass 1 at every depth for row-stochastic maps); `scores` = s^0.
/// Unlike rollout there is no residual term.
public struct HeadAveragedAttentionTracing: AttentionAttributionMethod {
    public var id: MethodID { .latMean }

    public init() {}

    public func attribute(_ maps: AttentionMaps) -> Attribution {
        let n = maps.tokens
        var means = [Float]()
        means.reserveCapacity(maps.layers * n * n)
        for l in 0..<maps.layers { means.append(contentsOf: maps.headMean(layer: l)) }
        let traces = propagateDown(maps.context, layers: maps.layers, tokens: n, matrices: means) { $0 * n * n }
        return Attribution(scores: traces[0], layers: traces)
    }
}
