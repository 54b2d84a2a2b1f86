// NarrativeModel+Passes: forward over a batch of narratives, backward from the per-window predictions, loss.

extension NarrativeModel {
    /// What one forward pass keeps for backward.
    struct Pass {
        /// B narratives padded to T windows.
        let shape: BatchShape
        /// The non-empty windows as one encoder batch (nil when every window is empty), and the row
        /// b·T + t of each of its rows.
        let windows: (ids: [Int32], shape: BatchShape, rows: [Int])?
        let workspace: Workspace?
        /// [B·T, D] LSTM input (pooled vectors, 0 for empty and padded windows).
        let inputs: FloatBuffer
        let lstm: LSTM.Cache
        /// [B·T] predictions ŷ (0 at padding).
        let predictions: [Float]
    }

    /// Runs the model on `examples` (each 1 … `maxWindows` windows). With `training`, dropout is on.
    mutating func run(_ examples: [NarrativeExample], training: Bool, rng: inout SplitMix64) -> Pass {
        let maxWindows = configuration.maxWindows, maxTokens = configuration.encoder.maxLength
        precondition(examples.allSatisfy { $0.windows.count <= maxWindows },
                     "a narrative has more than \(maxWindows) windows: chunk it first")
        let t = examples.map(\.windows.count).max() ?? 1
        let shape = BatchShape(batchSize: examples.count, length: t, lengths: examples.map(\.windows.count))
        var sequences: [[Int32]] = [], rows: [Int] = []
        for (b, example) in examples.enumerated() {
            for (step, ids) in example.windows.enumerated() where !ids.isEmpty {
                sequences.append(Array(ids.prefix(maxTokens)))
                rows.append(b * t + step)
            }
        }
        let d = configuration.encoder.modelWidth
        let inputs = FloatBuffer(count: shape.rows * d)
        var windows: (ids: [Int32], shape: BatchShape, rows: [Int])?
        var workspace: Workspace?
        if !sequences.isEmpty {
            let batch = TokenBatch(padding: sequences)
            let windowShape = batch.shape
            let w = encoder.pooledForward(ids: batch.ids, shape: windowShape, training: training, rng: &rng)
            for (k, row) in rows.enumerated() { (inputs.pointer + row * d).update(from: w.pooling.pooled + k * d, count: d) }
            windows = (batch.ids, windowShape, rows)
            workspace = w
        }
        let p = UnsafePointer(storage.parameters.pointer)
        let cache = lstm.forward(inputs.pointer, batch: shape, parameters: p)
        var raw = [Float](repeating: 0, count: shape.rows)
        raw.withUnsafeMutableBufferPointer {
            output.forward(cache.outputs.pointer, rows: shape.rows, parameters: p, into: $0.baseAddress!)
        }
        var predictions = [Float](repeating: 0, count: shape.rows)
        for b in 0..<shape.batchSize {
            for step in 0..<shape.lengths[b] { predictions[b * t + step] = valenceShift + valenceScale * raw[b * t + step] }
        }
        return Pass(shape: shape, windows: windows, workspace: workspace, inputs: inputs, lstm: cache,
                    predictions: predictions)
    }

    /// Back-propagates dŷ [B·T] (0 at padding) through the pass; gradients accumulate in both arenas.
    mutating func backward(_ pass: Pass, dPredictions: [Float], training: Bool) {
        makeUnique()
        let shape = pass.shape, d = configuration.encoder.modelWidth, h = configuration.recurrentWidth
        let p = UnsafePointer(storage.parameters.pointer), g = storage.gradients.pointer
        let dRaw = dPredictions.map { $0 * valenceScale }
        let dHidden = FloatBuffer(count: shape.rows * h), dInputs = FloatBuffer(count: shape.rows * d)
        dRaw.withUnsafeBufferPointer {
            output.backward($0.baseAddress!, x: pass.lstm.outputs.pointer, rows: shape.rows, parameters: p, gradients: g,
                            dx: dHidden.pointer)
        }
        lstm.backward(dHidden.pointer, x: pass.inputs.pointer, batch: shape, cache: pass.lstm, parameters: p,
                      gradients: g, dx: dInputs.pointer)
        defer { withExtendedLifetime((dHidden, dInputs)) {} }
        guard let windows = pass.windows, let w = pass.workspace else { return }
        let dPooled = FloatBuffer(count: windows.rows.count * d)
        for (k, row) in windows.rows.enumerated() {
            (dPooled.pointer + k * d).update(from: dInputs.pointer + row * d, count: d)
        }
        encoder.pooledBackward(w, dPooled: dPooled.pointer, ids: windows.ids, shape: windows.shape, training: training)
        withExtendedLifetime(dPooled) {}
    }

    /// Mean squared error over the rated windows and its gradient dŷ [B·T]:
    /// L = (1/N) Σ (ŷ − y)², dŷ = 2 (ŷ − y) / N (N rated windows; L = 0 when there are none).
    static func loss(_ pass: Pass, examples: [NarrativeExample]) -> (loss: Float, gradient: [Float]) {
        let t = pass.shape.length
        var gradient = [Float](repeating: 0, count: pass.shape.rows)
        let rated = examples.reduce(0) { $0 + $1.targets.compactMap { $0 }.count }
        guard rated > 0 else { return (0, gradient) }
        var total = 0.0
        for (b, example) in examples.enumerated() {
            for (step, target) in example.targets.enumerated() {
                guard let target else { continue }
                let difference = pass.predictions[b * t + step] - target
                total += Double(difference * difference)
                gradient[b * t + step] = 2 * difference / Float(rated)
            }
        }
        return (Float(total / Double(rated)), gradient)
    }

    // MARK: - Public entry points

    /// Forward, loss and backward for one batch of narratives; gradients ACCUMULATE (zero them first).
    /// Returns the mean squared error over the rated windows.
    public mutating func lossAndBackward(_ examples: [NarrativeExample], training: Bool = true,
                                         rng: inout SplitMix64) -> Float {
        let pass = run(examples, training: training, rng: &rng)
        let (loss, gradient) = Self.loss(pass, examples: examples)
        backward(pass, dPredictions: gradient, training: training)
        return loss
    }

    /// Predicted valence per window of each narrative (evaluation mode), `batchSize` narratives at a time.
    public mutating func predict(_ examples: [NarrativeExample], batchSize: Int = 8) -> [[Double]] {
        var rng = SplitMix64(seed: 0)
        var result: [[Double]] = []
        for start in stride(from: 0, to: examples.count, by: max(1, batchSize)) {
            let batch = Array(examples[start..<min(examples.count, start + max(1, batchSize))])
            let pass = run(batch, training: false, rng: &rng)
            for (b, example) in batch.enumerated() {
                result.append((0..<example.windows.count).map { Double(pass.predictions[b * pass.shape.length + $0]) })
            }
        }
        return result
    }
}
