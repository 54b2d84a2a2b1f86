// SentimentTransformer+Passes: the forward pass, the backward pass (its calls in reverse) and the public entry points.

extension SentimentTransformer {
    /// Where the encoder input comes from.
    enum Input {
        case ids([Int32])
        case embeddings([Float])
    }

    /// Runs every layer on the batch; results stay in the workspace.
    mutating func runForward(_ input: Input, shape: BatchShape, training: Bool, rng: inout SplitMix64) -> Workspace {
        let w = workspace(batchSize: shape.batchSize, length: shape.length)
        let p = UnsafePointer(storage.parameters.pointer)
        let rows = shape.rows, d = configuration.modelWidth
        switch input {
        case .ids(let ids):
            ids.withUnsafeBufferPointer {
                embedding.forward($0.baseAddress!, rows: rows, parameters: p, lookup: w.lookup, into: w.embeddings)
            }
        case .embeddings(let values):
            precondition(values.count == rows * d, "embeddings hold \(values.count) scalars, expected \(rows)×\(d)")
            values.withUnsafeBufferPointer { w.embeddings.update(from: $0.baseAddress!, count: rows * d) }
        }
        w.hidden[0].update(from: w.embeddings, count: rows * d)
        positions?.add(to: w.hidden[0], batch: shape)
        for (l, layer) in layers.enumerated() {
            layer.forward(w.hidden[l], batch: shape, parameters: p, cache: w.layers[l], into: w.hidden[l + 1],
                          training: training, rng: &rng, threads: threads)
        }
        pooling.forward(w.hidden[layers.count], batch: shape, parameters: p, cache: w.pooling, threads: threads)
        classifier.forward(w.pooling.pooled, batchSize: shape.batchSize, parameters: p, cache: w.classifier,
                           training: training, rng: &rng)
        return w
    }

    /// Back-propagates `w.dOutputs` [B, C] through the pass `runForward` left in `w`. Parameter gradients
    /// accumulate when `parameterGradients`; the gradient of the input embeddings is left in `w.dHidden`.
    mutating func runBackward(_ w: Workspace, ids: [Int32]?, shape: BatchShape, training: Bool, parameterGradients: Bool) {
        let p = UnsafePointer(storage.parameters.pointer)
        let g: UnsafeMutablePointer<Float>? = parameterGradients ? storage.gradients.pointer : nil
        classifier.backward(w.dOutputs, pooled: w.pooling.pooled, batchSize: shape.batchSize, parameters: p,
                            gradients: g, cache: w.classifier, training: training, dActivations: w.dClassifier,
                            dPooled: w.dPooled)
        backwardFromPooled(w, dPooled: w.dPooled, ids: ids, shape: shape, training: training,
                           parameterGradients: parameterGradients)
    }

    /// Back-propagates dPooled [B, D] through the context attention, the encoder layers and (with `ids` and
    /// `parameterGradients`) the embedding table; the gradient of the input embeddings is left in `w.dHidden`.
    /// Shared by the classifier's backward above and the narrative model, which reads the pooled vectors.
    mutating func backwardFromPooled(_ w: Workspace, dPooled: UnsafePointer<Float>, ids: [Int32]?, shape: BatchShape,
                                     training: Bool, parameterGradients: Bool) {
        let p = UnsafePointer(storage.parameters.pointer)
        let g: UnsafeMutablePointer<Float>? = parameterGradients ? storage.gradients.pointer : nil
        let top = layers.count
        pooling.backward(dPooled, h: w.hidden[top], batch: shape, parameters: p, gradients: g, cache: w.pooling,
                         dh: w.dHidden, dActivations: w.dPoolingActivations, dScores: w.dScores,
                         threads: threads)
        for l in stride(from: top - 1, through: 0, by: -1) {
            layers[l].backward(w.dHidden, x: w.hidden[l], batch: shape, parameters: p, gradients: g,
                               cache: w.layers[l], scratch: w.scratch, training: training, threads: threads)
        }
        // Positional encoding adds a constant: its gradient passes through unchanged.
        if let g, let ids {
            ids.withUnsafeBufferPointer {
                embedding.backward(w.dHidden, ids: $0.baseAddress!, rows: shape.rows, parameters: p, gradients: g,
                                   lookup: w.lookup, dLookup: w.dLookup)
            }
        }
    }

    /// Copies the readable results of the last forward out of the workspace.
    func makeForwardPass(_ w: Workspace, shape: BatchShape) -> ForwardPass {
        let b = shape.batchSize, t = shape.length, h = configuration.heads, d = configuration.modelWidth
        func tensor(_ pointer: UnsafeMutablePointer<Float>, _ shape: [Int]) -> Tensor {
            Tensor(shape: shape, scalars: Array(UnsafeBufferPointer(start: pointer, count: shape.reduce(1, *))))
        }
        return ForwardPass(
            outputs: tensor(w.classifier.outputs, [b, configuration.outputs]),
            attention: w.layers.map { tensor($0.attention.probabilities, [b, h, t, t]) },
            contextAttention: tensor(w.pooling.weights, [b, t]),
            embeddings: tensor(w.embeddings, [b, t, d]),
            lengths: shape.lengths)
    }

    // MARK: - Public entry points

    /// One forward pass. With `training`, dropout is on and draws its masks from `rng`.
    public mutating func forward(batch: TokenBatch, training: Bool, rng: inout SplitMix64) -> ForwardPass {
        let shape = batch.shape
        let w = runForward(.ids(batch.ids), shape: shape, training: training, rng: &rng)
        return makeForwardPass(w, shape: shape)
    }

    /// Outputs only ([B, C]), evaluation mode: the cheapest pass, for prediction.
    public mutating func outputs(batch: TokenBatch) -> Tensor {
        var rng = SplitMix64(seed: 0)
        let w = runForward(.ids(batch.ids), shape: batch.shape, training: false, rng: &rng)
        let count = batch.batchSize * configuration.outputs
        return Tensor(shape: [batch.batchSize, configuration.outputs],
                      scalars: Array(UnsafeBufferPointer(start: w.classifier.outputs, count: count)))
    }

    /// Forward, loss and backward for one training batch: gradients ACCUMULATE into the gradient arena
    /// (call `zeroGradients()` first). Returns the mean loss (cross-entropy, or for regression the squared error
    /// in standardised units, ((y − ŷ) / target_scale)²).
    public mutating func lossAndBackward(batch: TokenBatch, targets: [TrainingTarget], training: Bool = true,
                                         rng: inout SplitMix64) -> Float {
        precondition(targets.count == batch.batchSize, "\(targets.count) targets for \(batch.batchSize) sequences")
        let shape = batch.shape
        let w = runForward(.ids(batch.ids), shape: shape, training: training, rng: &rng)
        let loss = computeLoss(w, targets: targets)
        runBackward(w, ids: batch.ids, shape: shape, training: training, parameterGradients: true)
        return loss
    }

    /// The loss of the outputs in `w` and its gradient written to `w.dOutputs`.
    func computeLoss(_ w: Workspace, targets: [TrainingTarget]) -> Float {
        switch configuration.objective {
        case .classification:
            let classes = targets.map { target -> Int in
                guard case .classIndex(let c) = target else { preconditionFailure("classification needs class targets") }
                return c
            }
            return SoftmaxCrossEntropy.lossAndGradient(logits: w.classifier.outputs, targets: classes,
                                                       classes: configuration.outputs, gradient: w.dOutputs)
        case .regression:
            let values = targets.map { target -> Float in
                guard case .value(let v) = target else { preconditionFailure("regression needs value targets") }
                return v
            }
            return MeanSquaredError.lossAndGradient(predictions: w.classifier.outputs, targets: values,
                                                    scale: configuration.targetScale, gradient: w.dOutputs)
        }
    }

    /// Outputs for embeddings supplied directly, and the gradient of Σ_b output[b, targets[b]] with respect
    /// to those embeddings (evaluation mode: no dropout). For gradient saliency and integrated gradients.
    ///
    /// - Parameters:
    ///   - embeddings: [B, T, D] (as `ForwardPass.embeddings`; padded rows are ignored).
    ///   - lengths: B real lengths.
    ///   - targets: B output indices (0 for regression).
    /// - Returns: outputs [B, C] and gradients [B, T, D] (zero at padding).
    public mutating func outputsAndInputGradients(embeddings: Tensor, lengths: [Int],
                                                  targets: [Int]) -> (outputs: Tensor, gradients: Tensor) {
        let b = lengths.count, c = configuration.outputs, d = configuration.modelWidth
        precondition(embeddings.rank == 3 && embeddings.shape[0] == b && embeddings.shape[2] == d,
                     "embeddings shape \(embeddings.shape) does not match [\(b), T, \(d)]")
        precondition(targets.count == b && targets.allSatisfy { $0 >= 0 && $0 < c }, "targets \(targets) for \(c) outputs")
        let t = embeddings.shape[1]
        let shape = BatchShape(batchSize: b, length: t, lengths: lengths)
        var rng = SplitMix64(seed: 0)
        let w = runForward(.embeddings(embeddings.scalars), shape: shape, training: false, rng: &rng)
        w.dOutputs.update(repeating: 0, count: b * c)
        for i in 0..<b { w.dOutputs[i * c + targets[i]] = 1 }
        let outputs = Tensor(shape: [b, c], scalars: Array(UnsafeBufferPointer(start: w.classifier.outputs, count: b * c)))
        runBackward(w, ids: nil, shape: shape, training: false, parameterGradients: false)
        var gradients = Array(UnsafeBufferPointer(start: w.dHidden, count: b * t * d))
        for i in 0..<b where lengths[i] < t {
            for j in (i * t + lengths[i]) * d..<(i + 1) * t * d { gradients[j] = 0 }
        }
        return (outputs, Tensor(shape: [b, t, d], scalars: gradients))
    }
}
