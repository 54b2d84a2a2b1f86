// LayerwisePropagation: push a score vector down through one n × n matrix per layer, recording every depth.

/// Propagates `top` (the scores at depth L) down through one matrix per layer:
/// s^L = top; s^{l−1} = s^l · M^l for l = L … 1.
///
/// - Parameters:
///   - top: n scores at depth L.
///   - matrices: a flat buffer holding the matrices; `offset(l)` gives where M^{l+1} starts
///     (storage index l = 0 … L − 1, row-major n × n).
/// - Returns: L + 1 traces, `[s^0, s^1, …, s^L]` (the `Attribution.layers` indexing).
func propagateDown(
    _ top: [Float], layers: Int, tokens n: Int, matrices: [Float], offset: (Int) -> Int
) -> [[Float]] {
    var traces = [[Float]](repeating: [], count: layers + 1)
    traces[layers] = top
    var current = top
    var next = [Float](repeating: 0, count: n)
    matrices.withUnsafeBufferPointer { m in
        for l in stride(from: layers - 1, through: 0, by: -1) {
            current.withUnsafeBufferPointer { s in
                next.withUnsafeMutableBufferPointer { out in
                    multiplyRowVector(s, m, offset: offset(l), n: n, into: out)
                }
            }
            traces[l] = next
            swap(&current, &next)
        }
    }
    return traces
}

/// The residual-adjusted, head-averaged matrices of rollout and attention flow, flat L × n × n:
/// W^l = 0.5 · Ā^l + 0.5 · I, each row renormalised to sum to 1 (a no-op when Ā is exactly
/// row-stochastic; it absorbs rounding and guards maps that are not).
func residualHeadMeans(_ maps: AttentionMaps) -> [Float] {
    let n = maps.tokens
    var result = [Float]()
    result.reserveCapacity(maps.layers * n * n)
    for l in 0..<maps.layers {
        var w = maps.headMean(layer: l)
        for i in 0..<n {
            w[i * n + i] += 1
            var rowSum: Float = 0
            for j in 0..<n { rowSum += w[i * n + j] }
            let scale = rowSum > 0 ? 1 / rowSum : 0
            for j in 0..<n { w[i * n + j] *= scale }
        }
        result.append(contentsOf: w)
    }
    return result
}
