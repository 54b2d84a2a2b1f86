// LATConnections: the traced attention that flows between adjacent layers under LAT, for the paper's drawing.

/// Traced attention flowing from token `from` at depth `layer` down to token `to` at depth `layer − 1`:
/// Σ_h s^{layer,h}_from · A^{layer,h}[from, to] (the LAT chains of every head, summed).
public struct TraceEdge: Codable, Equatable, Sendable {
    public var layer: Int
    public var from: Int
    public var to: Int
    public var weight: Float

    public init(layer: Int, from: Int, to: Int, weight: Float) {
        self.layer = layer
        self.from = from
        self.to = to
        self.weight = weight
    }
}

/// LAT's edges between every pair of adjacent depths, the `perLayer` heaviest of each (ties to the lower
/// `from`, then the lower `to`), ordered by layer and then by decreasing weight.
///
/// For depth l (1 … L) the full edge matrix is E^l[i][j] = Σ_h s^{l,h}_i · A^{l,h}[i][j], where s^{l,h} is
/// head h's LAT chain (`LayerwiseAttentionTracing`). Its column sums are LAT's trace at depth l − 1 and its
/// row sums LAT's trace at depth l (attention rows sum to 1), so the drawing shows how each depth's scores
/// are made from the one above.
public func latConnections(_ maps: AttentionMaps, perLayer: Int) -> [TraceEdge] {
    let n = maps.tokens, depth = maps.layers
    guard perLayer > 0 else { return [] }
    var edges = [[Float]](repeating: [Float](repeating: 0, count: n * n), count: depth + 1)
    maps.probabilities.withUnsafeBufferPointer { p in
        for h in 0..<maps.heads {
            let chain = propagateDown(maps.context, layers: depth, tokens: n, matrices: maps.probabilities) {
                maps.offset(layer: $0, head: h)
            }
            for l in 1...depth {
                let base = maps.offset(layer: l - 1, head: h)
                for i in 0..<n where chain[l][i] != 0 {
                    let s = chain[l][i]
                    for j in 0..<n { edges[l][i * n + j] += s * p[base + i * n + j] }
                }
            }
        }
    }
    var kept: [TraceEdge] = []
    for l in 1...depth {
        let order = (0..<(n * n)).sorted { a, b in
            edges[l][a] != edges[l][b] ? edges[l][a] > edges[l][b] : a < b
        }
        for k in order.prefix(perLayer) {
            kept.append(TraceEdge(layer: l, from: k / n, to: k % n, weight: edges[l][k]))
        }
    }
    return kept
}
