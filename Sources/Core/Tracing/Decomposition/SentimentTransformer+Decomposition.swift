// SentimentTransformer+Decomposition: the decomposition methods' inputs from the Transformer's forward pass.

extension SentimentTransformer {
    /// Every layer of example `b` of the forward pass left in `w`, decomposed for `methods`.
    func decomposition(_ w: Workspace, example b: Int, shape: BatchShape, methods: Set<MethodID>) -> DecomposedEncoder {
        DecomposedEncoder(layers: layers, caches: w.layers, hidden: w.hidden,
                          parameters: UnsafePointer(storage.parameters.pointer), example: b, shape: shape,
                          methods: methods)
    }

    /// The decomposition of one sequence of embeddings (n × D, positions already added when the model has them),
    /// for tests and benchmarks.
    public mutating func decomposition(embeddings: [Float], methods: Set<MethodID>) -> DecomposedEncoder {
        let d = configuration.modelWidth, n = embeddings.count / d
        let shape = BatchShape(batchSize: 1, length: n, lengths: [n])
        var rng = SplitMix64(seed: 0)
        let w = runForward(.embeddings(embeddings), shape: shape, training: false, rng: &rng)
        return decomposition(w, example: 0, shape: shape, methods: methods)
    }
}
