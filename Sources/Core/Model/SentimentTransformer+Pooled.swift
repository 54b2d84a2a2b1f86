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
        backwardFromPooled(w, dPooled: dPooled, ids: ids, shape: shape, training: training, parameterGradients: true)
    }
}
