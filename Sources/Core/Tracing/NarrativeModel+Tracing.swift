// NarrativeModel+Tracing: per-window attention maps of one narrative, for LAT and the other tracing methods.

/// One window of a traced narrative: its prediction and, unless the window is empty, its attention maps
/// (every encoder layer and head, plus the window's context attention) for `AttentionAttributionMethod`s.
public struct NarrativeWindowTrace: Sendable {
    public var predicted: Double
    /// nil for a window without words (nothing to trace).
    public var maps: AttentionMaps?
    /// The window encoder's layers decomposed, when asked for (nil for an empty window).
    public var decomposition: DecomposedEncoder?
}

extension NarrativeModel {
    /// Evaluation-mode forward over one narrative; per window, the prediction and the attention maps of the
    /// window's words (cut to the encoder's `max_length`). Apply e.g. `LayerwiseAttentionTracing()` to each
    /// `maps` for the paper's per-window trace from the context attention down to the words.
    /// With decomposition methods in `decompositions`, each window's encoder layers are decomposed too.
    public mutating func trace(_ example: NarrativeExample, decompositions: Set<MethodID> = [])
        -> [NarrativeWindowTrace] {
        var rng = SplitMix64(seed: 0)
        let pass = run([example], training: false, rng: &rng)
        var maps = [AttentionMaps?](repeating: nil, count: example.windows.count)
        var decomposed = [DecomposedEncoder?](repeating: nil, count: example.windows.count)
        let decomposes = !decompositions.isDisjoint(with: DecomposedEncoder.methods)
        if let windows = pass.windows, let w = pass.workspace {
            let c = configuration.encoder, b = windows.shape.batchSize, t = windows.shape.length
            let layers = w.layers.map {
                Array(UnsafeBufferPointer(start: $0.attention.probabilities, count: b * c.heads * t * t))
            }
            let contexts = Array(UnsafeBufferPointer(start: w.pooling.weights, count: b * t))
            let perWindow = AttentionMaps.unpad(layerProbabilities: layers, contexts: contexts, heads: c.heads,
                                                length: t, lengths: windows.shape.lengths)
            for (k, row) in windows.rows.enumerated() {
                maps[row] = perWindow[k]
                if decomposes {
                    decomposed[row] = encoder.decomposition(w, example: k, shape: windows.shape, methods: decompositions)
                }
            }
        }
        return maps.enumerated().map {
            NarrativeWindowTrace(predicted: Double(pass.predictions[$0]), maps: $1, decomposition: decomposed[$0])
        }
    }
}
