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
/// with layers: L · n. Each is exact (Dinic's algorithm, `FlowNetwork`).
///
/// Reference: Abnar & Zuidema, "Quantifying Attention Flow in Transformers", ACL 2020, arXiv:2005.00928.
public struct AttentionFlow: AttentionAttributionMethod {
    public var recordsLayers: Bool
    public var id: MethodID { .attentionFlow }

    public init(recordsLayers: Bool = true) { self.recordsLayers = recordsLayers }

    public func attribute(_ maps: AttentionMaps) -> Attribution {
        let n = maps.tokens, depth = maps.layers
        let network = makeNetwork(maps)
        func node(_ l: Int, _ j: Int) -> Int { 1 + l * n + j }
        func flows(depth l: Int) -> [Float] {
            network.maximumFlows(from: 0, to: (0..<n).map { node(l, $0) }).map(Float.init)
        }
        let scores = flows(depth: 0)
        guard recordsLayers else { return Attribution(scores: scores) }
        var traces = [scores]
        for l in 1..<depth { traces.append(flows(depth: l)) }
        traces.append(maps.context)
        return Attribution(scores: scores, layers: traces)
    }

    /// The layered graph: node 0 is the source, node 1 + l · n + j is token j at depth l.
    func makeNetwork(_ maps: AttentionMaps) -> FlowNetwork {
        let n = maps.tokens, depth = maps.layers
        let weights = residualHeadMeans(maps)
        var network = FlowNetwork(nodeCount: 1 + (depth + 1) * n)
        for i in 0..<n where maps.context[i] > 0 {
            network.addEdge(from: 0, to: 1 + depth * n + i, capacity: Double(maps.context[i]))
        }
        for l in 1...depth {
            let base = (l - 1) * n * n
            for i in 0..<n {
                for j in 0..<n {
                    let w = weights[base + i * n + j]
                    if w > 0 { network.addEdge(from: 1 + l * n + i, to: 1 + (l - 1) * n + j, capacity: Double(w)) }
                }
            }
        }
        return network
    }
}
