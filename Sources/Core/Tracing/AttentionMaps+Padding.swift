// AttentionMaps+Padding: cut a padded batch of attention maps into per-example maps without padding.

extension AttentionMaps {
    /// Splits a padded batch into one `AttentionMaps` per example, keeping only the real tokens.
    ///
    /// - Parameters:
    ///   - layerProbabilities: L arrays (one per layer, bottom first), each B × H × T × T flat
    ///     row-major, as the attention cache holds them: entry ((b · H + h) · T + i) · T + j.
    ///   - contexts: B × T, the context attention of each example (zero on padding).
    ///   - heads: H; `length`: T, the padded length.
    ///   - lengths: B real lengths, each in 1 … T; the real tokens of example b are positions 0 ..< lengths[b].
    ///
    /// Only the top-left n × n block of each map and the first n context weights are kept. A
    /// masked softmax already gives padding columns zero weight, so these blocks are exactly the
    /// maps of the unpadded example and every score is unchanged by padding. Rows and columns of
    /// padding are dropped, so padding tokens get no score at all (the output has n entries).
    public static func unpad(
        layerProbabilities: [[Float]], contexts: [Float], heads: Int, length: Int, lengths: [Int]
    ) -> [AttentionMaps] {
        let batch = lengths.count
        let layerCount = layerProbabilities.count
        precondition(layerCount >= 1, "unpad: no layers")
        precondition(contexts.count == batch * length,
                     "unpad: contexts expected B·T = \(batch)·\(length) scalars, got \(contexts.count)")
        for (l, layer) in layerProbabilities.enumerated() {
            precondition(layer.count == batch * heads * length * length,
                         "unpad: layer \(l) expected B·H·T·T = \(batch)·\(heads)·\(length)·\(length) scalars, got \(layer.count)")
        }
        return lengths.enumerated().map { b, n in
            precondition(n >= 1 && n <= length, "unpad: example \(b) has length \(n), outside 1 … \(length)")
            var probabilities = [Float]()
            probabilities.reserveCapacity(layerCount * heads * n * n)
            for layer in layerProbabilities {
                for h in 0..<heads {
                    let base = (b * heads + h) * length * length
                    for i in 0..<n {
                        let row = base + i * length
                        probabilities.append(contentsOf: layer[row..<(row + n)])
                    }
                }
            }
            let context = Array(contexts[(b * length)..<(b * length + n)])
            return AttentionMaps(layers: layerCount, heads: heads, tokens: n,
                                 probabilities: probabilities, context: context)
        }
    }
}
