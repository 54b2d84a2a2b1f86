// AttentionFlow: Abnar & Zuidema (2020) attention flow, an exact max-flow through the layered attention graph.

/// Attention flow over the layered attention graph.
///
/// Nodes: a super-source (the pooled output) and one node per token per depth, (l, j) for
/// l = 0 … L. Capacities: source → (L, i) = α_i; (l, i) → (l − 1, j) = W^l[i][j] with
/// W^l = rownorm(0.5 · Ā^l + 0.5 · I), the residual-adjusted head mean of rollout.
/// The score of token j at depth l is the maximum flow from the source to (l, j).
///
/// `scores` = flows to depth 0; `layers[l]` = flows to depth l when `recordsLayers` (`layers[L]` = α,
/// since each (L, i) is reached only through its edge of capacity α_i). Without layers: n max-flows;
/// with layers: L · n. Each is exact (Dinic's algorithm on the dense layers, `LayeredMaximumFlow`).
///
/// Reference: Abnar & Zuidema, "Quantifying Attention Flow in Transformers", ACL 2020, arXiv:2005.00928.
public struct AttentionFlow: AttentionAttributionMethod {
    public var recordsLayers: Bool
    public var id: MethodID { .attentionFlow }

    public init(recordsLayers: Bool = true) { self.recordsLayers = recordsLayers }

    public func attribute(_ maps: AttentionMaps) -> Attribution {
        let n = maps.tokens, depth = maps.layers
        let solver = LayeredMaximumFlow(width: n, supply: maps.context, capacities: residualHeadMeans(maps))
        func flows(depth l: Int) -> [Float] { (0..<n).map { Float(solver.maximumFlow(toLayer: l, token: $0)) } }
        let scores = flows(depth: 0)
        guard recordsLayers else { return Attribution(scores: scores) }
        var traces = [scores]
        for l in 1..<depth { traces.append(flows(depth: l)) }
        traces.append(maps.context)
        return Attribution(scores: scores, layers: traces)
    }
}
