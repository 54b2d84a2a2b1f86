// NarrativeModel+Tracing: per-window attention maps of one narrative, for LAT and the other tracing methods.

/// One window of a traced narrative: its prediction and, unless the window is empty, its attention maps
/// (every encoder layer and head, plus the window's context attention) for `AttentionAttributionMethod`s.
public struct NarrativeWindowTrace: Sendable {
    public var predicted: Double
    /// nil for a window without words (nothing to trace).
    public var maps: AttentionMaps?
}

extension NarrativeModel {
    /// Evaluation-mode forward over one narrative; per window, the prediction and the attention maps of the
    /// window's words (cut to the encoder's `max_length`). Apply e.g. `LayerwiseAttentionTracing()` to each
    /// `maps` for the paper's per-window trace from the context attention down to the words.
    public mutating func trace(_ example: NarrativeExample) -> [NarrativeWindowTrace] {
        var rng = SplitMix64(seed: 0)
        let pass = run([example], training: false, rng: &rng)
        var maps = [AttentionMaps?](repeating: nil, count: example.windows.count)
        if let windows = pass.windows, let w = pass.workspace {
            let c = configuration.encoder, b = windows.shape.batchSize, t = windows.shape.length
            let layers = w.layers.map {
                Array(UnsafeBufferPointer(start: $0.attention.probabilities, count: b * c.heads * t * t))
            }
            let contexts = Array(UnsafeBufferPointer(start: w.pooling.weights, count: b * t))
            let perWindow = AttentionMaps.unpad(layerProbabilities: layers, contexts: contexts, heads: c.heads,
                                                length: t, lengths: windows.shape.lengths)
            for (k, row) in windows.rows.enumerated() { maps[row] = perWindow[k] }
        }
        return maps.enumerated().map { NarrativeWindowTrace(predicted: Double(pass.predictions[$0]), maps: $1) }
    }
}
