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

    /// Allocates the workspace (with dropout masks when `training`) for batches up to this shape now.
    public mutating func reserve(batchSize: Int, length: Int, training: Bool) {
        _ = workspace(for: BatchShape(batchSize: batchSize, length: length,
                                      lengths: [Int](repeating: length, count: batchSize)), training: training)
    }

    /// The hidden states x_L [B, T, D] of `batch` with dropout on (masks from `rng`, drawn in order: the embedding
    /// output, then each layer's attention probabilities and its two branches), kept for `trainingBackward`.
    /// Without `dropout` this is the evaluation forward, and `rng` is not touched.
    public mutating func trainingForward(_ batch: TokenBatch, dropout: Bool, rng: inout SplitMix64) -> Tensor {
        let shape = batch.shape, d = configuration.hiddenSize, rows = shape.rows
        let w = workspace(for: shape, training: dropout)
        batch.ids.withUnsafeBufferPointer { ids in
            embeddings.word.forward(ids.baseAddress!, rows: rows, parameters: parameters.pointer, lookup: w.embeddings,
                                    into: w.embeddings)
        }
        for i in 0..<rows { w.tokenTypes[i] = 0 }
        encode(shape, workspace: w, training: dropout, rng: &rng)
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
        backwardThroughLayers(dLastHidden, shape: shape, workspace: w, gradients: gradients, training: lastTrained)
        ids.withUnsafeBufferPointer { idPointer in
            w.tokenTypes.withUnsafeBufferPointer { types in
                embeddings.backward(w.dHidden, ids: idPointer.baseAddress!, types: types.baseAddress!, batch: shape,
                                    parameters: UnsafePointer(parameters.pointer), gradients: gradients,
                                    sum: w.embeddingSum, mean: w.embeddingMean, rstd: w.embeddingRstd,
                                    into: w.scratch.d1, threads: threads)
            }
        }
    }
}
