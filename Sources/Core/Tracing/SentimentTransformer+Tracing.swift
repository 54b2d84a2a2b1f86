// SentimentTransformer+Tracing: the Transformer trained here as the tracer sees it (positions = the words).

/// One sentence to trace through a `SentimentTransformer`: its id, tokens and their vocabulary ids, and the gold label.
public struct TracingInput: Sendable {
    public var id: String
    public var tokens: [String]
    public var ids: [Int32]
    public var label: TraceTarget

    public init(id: String, tokens: [String], ids: [Int32], label: TraceTarget) {
        self.id = id
        self.tokens = tokens
        self.ids = ids
        self.label = label
    }
}

extension SentimentTransformer: TraceableModel {
    /// Sorted by length (cut at `maxLength`), so that a batch has almost no padding.
    public func tracingBatches(_ examples: [TracingInput], batchSize: Int) -> [[Int]] {
        let maximum = configuration.maxLength
        return LengthBucketingBatcher(batchSize: batchSize, maxLength: maximum)
            .sorted(lengths: examples.map { max(1, min($0.ids.count, maximum)) })
    }

    /// Sequences longer than `maxLength` are cut and flagged; an empty text is traced as a single unknown token
    /// so that every example has a record.
    public mutating func forwardForTracing(_ inputs: [TracingInput], decompositions: Set<MethodID>) -> [[TracedForward]] {
        let maximum = configuration.maxLength
        let sequences = inputs.map { Array($0.ids.prefix(maximum)) }.map { $0.isEmpty ? [Int32(1)] : $0 }
        let batch = TokenBatch(padding: sequences)
        var rng = SplitMix64(seed: 0)
        let w = runForward(.ids(batch.ids), shape: batch.shape, training: false, rng: &rng)
        let pass = makeForwardPass(w, shape: batch.shape)
        let decomposes = !decompositions.isDisjoint(with: DecomposedEncoder.methods)
        let c = configuration, d = c.modelWidth
        let maps = AttentionMaps.unpad(layerProbabilities: pass.attention.map(\.scalars),
                                       contexts: pass.contextAttention.scalars, heads: c.heads,
                                       length: batch.length, lengths: batch.lengths)
        return inputs.indices.map { b in
            let n = batch.lengths[b], start = b * batch.length * d, input = inputs[b]
            return [TracedForward(id: input.id, tokens: Array(input.tokens.prefix(n)), label: input.label, maps: maps[b],
                                  outputs: Array(pass.outputs.scalars[b * c.outputs..<(b + 1) * c.outputs]),
                                  embeddings: Array(pass.embeddings.scalars[start..<(start + n * d)]),
                                  isTruncated: input.ids.count > maximum,
                                  decomposition: decomposes
                                      ? decomposition(w, example: b, shape: batch.shape, methods: decompositions) : nil)]
        }
    }

    public mutating func outputsAndInputGradients(_ embeddings: [Float], tokens n: Int, target: Int)
        -> (outputs: [Float], gradients: [Float]) {
        let d = configuration.modelWidth, c = configuration.outputs, count = embeddings.count / (n * d)
        let (out, gradients) = outputsAndInputGradients(
            embeddings: Tensor(shape: [count, n, d], scalars: embeddings),
            lengths: [Int](repeating: n, count: count), targets: [Int](repeating: target, count: count))
        return ((0..<count).map { out.scalars[$0 * c + target] }, gradients.scalars)
    }

    public var embeddingWidth: Int { configuration.modelWidth }
    public var objective: Objective { configuration.objective }
    public var recordsConnections: Bool { true }
    public mutating func useOneThread() { threads = 1 }
}
