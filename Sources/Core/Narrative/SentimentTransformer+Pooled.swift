// SentimentTransformer+Pooled: the encoder up to the pooled vectors, and back from their gradient.

extension SentimentTransformer {
    /// Runs the model on a batch of windows; the pooled vectors [B, D] are in `w.pooling.pooled`
    /// (the classifier also runs, but nothing reads it).
    mutating func pooledForward(ids: [Int32], shape: BatchShape, training: Bool, rng: inout SplitMix64) -> Workspace {
        runForward(.ids(ids), shape: shape, training: training, rng: &rng)
    }

    /// Back-propagates dPooled [B, D] through the context attention, the encoder layers and the embedding
    /// of the pass `pooledForward` left in `w`; parameter gradients accumulate. The classifier is skipped.
    mutating func pooledBackward(_ w: Workspace, dPooled: UnsafePointer<Float>, ids: [Int32], shape: BatchShape,
                                 training: Bool) {
        makeUnique()
        let p = UnsafePointer(storage.parameters.pointer), g = storage.gradients.pointer
        let top = layers.count
        pooling.backward(dPooled, h: w.hidden[top], batch: shape, parameters: p, gradients: g, cache: w.pooling,
                         dh: w.dHidden, dActivations: w.dPoolingActivations, dScores: w.dScores, threads: threads)
        for l in stride(from: top - 1, through: 0, by: -1) {
            layers[l].backward(w.dHidden, x: w.hidden[l], batch: shape, parameters: p, gradients: g,
                               cache: w.layers[l], scratch: w.scratch, training: training, threads: threads)
        }
        ids.withUnsafeBufferPointer {
            embedding.backward(w.dHidden, ids: $0.baseAddress!, rows: shape.rows, parameters: p, gradients: g,
                               lookup: w.lookup, dLookup: w.dLookup)
        }
    }
}
