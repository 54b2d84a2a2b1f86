// BertEncoder+Training: the encoder's training forward (dropout) and its backward into every parameter, for fine-tuning.

extension BertEncoder {
    /// The parameter arena for writing (an optimiser step); a copy first when another value shares it.
    public mutating func mutableParameters() -> UnsafeMutablePointer<Float> {
        if !isKnownUniquelyReferenced(&parameters) { parameters = parameters.copy() }
        return parameters.pointer
    }

    /// Read-only view of the parameter arena (layout order, `parameterCount` scalars).
    public func withParameters<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: parameters.pointer, count: parameters.count))
    }

    /// The hidden states x_L [B, T, D] of `batch` with dropout on (masks from `rng`, drawn in order: the embedding
    /// output, then each layer's attention probabilities and its two branches), kept for `trainingBackward`.
    /// Without `dropout` this is the evaluation forward, and `rng` is not touched.
    public mutating func trainingForward(_ batch: TokenBatch, dropout: Bool, rng: inout SplitMix64) -> Tensor {
        let shape = batch.shape, d = configuration.hiddenSize, rows = shape.rows
        let w = workspace(for: shape, training: dropout)
        let p = UnsafePointer(parameters.pointer)
        batch.ids.withUnsafeBufferPointer { ids in
            embeddings.word.forward(ids.baseAddress!, rows: rows, parameters: p, lookup: w.embeddings, into: w.embeddings)
        }
        for i in 0..<rows { w.tokenTypes[i] = 0 }
        w.tokenTypes.withUnsafeBufferPointer { types in
            embeddings.forward(w.embeddings, types: types.baseAddress!, batch: shape, parameters: p,
                               sum: w.embeddingSum, mean: w.embeddingMean, rstd: w.embeddingRstd, into: w.hidden[0],
                               threads: threads)
        }
        let hiddenDropout = Dropout(probability: configuration.hiddenDropout ?? 0)
        if dropout && hiddenDropout.probability > 0 {
            hiddenDropout.makeMask(w.embeddingMask, count: rows * d, rng: &rng)
            hiddenDropout.forward(w.hidden[0], mask: w.embeddingMask, count: rows * d, into: w.hidden[0])
        }
        for (l, layer) in layers.enumerated() {
            layer.forward(w.hidden[l], batch: shape, parameters: p, cache: w.layers[l], into: w.hidden[l + 1],
                          training: dropout, rng: &rng, threads: threads)
        }
        lastShape = shape
        lastIDs = batch.ids
        lastTrained = dropout
        return Tensor(shape: [shape.batchSize, shape.length, d],
                      scalars: Array(UnsafeBufferPointer(start: w.hidden[layers.count], count: rows * d)))
    }

    /// ∂loss/∂x_L [B, T, D] of the last `trainingForward` → every parameter's gradient, accumulated into
    /// `gradients` (layout order, `parameterCount` scalars).
    public mutating func trainingBackward(_ dLastHidden: Tensor, into gradients: UnsafeMutablePointer<Float>) {
        guard let shape = lastShape, let w = storage.workspace, let ids = lastIDs else {
            preconditionFailure("trainingBackward before trainingForward")
        }
        let d = configuration.hiddenSize, rows = shape.rows, p = UnsafePointer(parameters.pointer)
        precondition(dLastHidden.shape == [shape.batchSize, shape.length, d],
                     "dLastHidden shape \(dLastHidden.shape) does not match [\(shape.batchSize), \(shape.length), \(d)]")
        dLastHidden.withUnsafeBufferPointer { w.dHidden.update(from: $0.baseAddress!, count: rows * d) }
        for l in stride(from: layers.count - 1, through: 0, by: -1) {
            layers[l].backward(w.dHidden, x: w.hidden[l], batch: shape, parameters: p, gradients: gradients,
                               cache: w.layers[l], scratch: w.scratch, training: lastTrained, threads: threads)
        }
        let hiddenDropout = Dropout(probability: configuration.hiddenDropout ?? 0)
        if lastTrained && hiddenDropout.probability > 0 {
            hiddenDropout.backward(w.dHidden, mask: w.embeddingMask, count: rows * d, dx: w.dHidden)
        }
        ids.withUnsafeBufferPointer { idPointer in
            w.tokenTypes.withUnsafeBufferPointer { types in
                embeddings.backward(w.dHidden, ids: idPointer.baseAddress!, types: types.baseAddress!, batch: shape,
                                    parameters: p, gradients: gradients, sum: w.embeddingSum, mean: w.embeddingMean,
                                    rstd: w.embeddingRstd, into: w.scratch.d1, threads: threads)
            }
        }
    }
}
