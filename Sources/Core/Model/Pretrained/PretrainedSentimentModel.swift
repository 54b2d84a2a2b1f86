// PretrainedSentimentModel: a frozen BERT encoder plus an attention-pooling head, with everything the tracing methods need.

/// The pretrained model as the tracer sees it: ids → encoder → `AttentionPoolingHead` → logits.
///
/// `trace` returns the per-example `AttentionMaps` (L layers × H heads, e.g. 6 × 12 for MiniLM, with
/// the head's α as the context attention), which go straight into LAT, rollout, flow, raw and context
/// attention. `gradientFunction` is the `GradientFunction` of gradient saliency, gradient × input and
/// integrated gradients, taken with respect to the word embeddings e (positions, token types and the
/// embedding LayerNorm come after e, so the zero baseline of IG is "no word, same positions").
public struct PretrainedSentimentModel: Sendable {
    public var encoder: BertEncoder
    public var head: AttentionPoolingHead

    public init(encoder: BertEncoder, head: AttentionPoolingHead) {
        precondition(encoder.configuration.hiddenSize == head.width,
                     "head width \(head.width) does not match the encoder's \(encoder.configuration.hiddenSize)")
        self.encoder = encoder
        self.head = head
    }

    /// One traced example.
    public struct Trace: Sendable {
        /// [C] logits.
        public var logits: [Float]
        /// Attention of every layer and head without padding, context = the head's α.
        public var maps: AttentionMaps
        /// [n, D] word embeddings, the input of `gradientFunction`.
        public var embeddings: [Float]
        /// The encoder's layers decomposed, when asked for.
        public var decomposition: DecomposedEncoder?
    }

    /// Runs a batch of id sequences ([CLS] … [SEP] each) and returns one trace per sequence.
    /// With decomposition methods in `decompositions`, each trace also holds its layers decomposed.
    public mutating func trace(_ sequences: [[Int32]], decompositions: Set<MethodID> = []) -> [Trace] {
        let batch = TokenBatch(padding: sequences)
        let e = encoder.wordEmbeddings(batch)
        let output = encoder.forward(embeddings: e, lengths: batch.lengths)
        let pass = head.run(hidden: output.lastHidden, lengths: batch.lengths)
        let maps = output.attentionMaps(contexts: pass.weights)
        let c = head.classes, t = batch.length, d = encoder.configuration.hiddenSize
        let decomposes = !decompositions.isDisjoint(with: DecomposedEncoder.methods)
        return sequences.indices.map { b in
            Trace(logits: Array(pass.logits.scalars[(b * c)..<((b + 1) * c)]), maps: maps[b],
                  embeddings: Array(e.scalars[(b * t * d)..<((b * t + batch.lengths[b]) * d)]),
                  decomposition: decomposes ? encoder.decomposition(example: b, methods: decompositions) : nil)
        }
    }

    /// y = logit of class `target` as a function of the word embeddings of one n-token example,
    /// evaluated at S points per call (S × n × D in, S outputs and S × n × D gradients out).
    public mutating func outputsAndInputGradients(_ embeddings: [Float], tokens n: Int, target: Int)
        -> (outputs: [Float], gradients: [Float]) {
        precondition(target >= 0 && target < head.classes, "target \(target) outside 0..<\(head.classes)")
        let d = encoder.configuration.hiddenSize, c = head.classes
        precondition(embeddings.count % (n * d) == 0, "\(embeddings.count) scalars is not S × \(n) × \(d)")
        let s = embeddings.count / (n * d), lengths = [Int](repeating: n, count: s)
        let output = encoder.forward(embeddings: Tensor(shape: [s, n, d], scalars: embeddings), lengths: lengths)
        let pass = head.run(hidden: output.lastHidden, lengths: lengths) { _ in
            (0..<(s * c)).map { $0 % c == target ? 1 : 0 }
        }
        let gradients = encoder.backward(pass.hiddenGradient!)
        return ((0..<s).map { pass.logits.scalars[$0 * c + target] }, gradients.scalars)
    }

    /// `outputsAndInputGradients` as a `GradientFunction`. The closure owns a copy of the model (its own
    /// workspace), so closures can run in parallel.
    public func gradientFunction(target: Int, tokens n: Int) -> GradientFunction {
        var model = self
        return { model.outputsAndInputGradients($0, tokens: n, target: target) }
    }
}

extension BertEncoder {
    /// The last hidden states of each sequence, [n_i, D], computed in batches of similar length
    /// (sorted by length, so little padding) — the cache the frozen-encoder head trains on.
    public mutating func lastHiddenStates(_ sequences: [[Int32]], batchSize: Int = 32) -> [Tensor] {
        let d = configuration.hiddenSize
        var states = [Tensor?](repeating: nil, count: sequences.count)
        let order = sequences.indices.sorted { sequences[$0].count < sequences[$1].count }
        for start in stride(from: 0, to: order.count, by: batchSize) {
            let chunk = Array(order[start..<min(order.count, start + batchSize)])
            let batch = TokenBatch(padding: chunk.map { sequences[$0] })
            let hidden = forward(batch).lastHidden.scalars
            for (b, index) in chunk.enumerated() {
                let n = batch.lengths[b], from = b * batch.length * d
                states[index] = Tensor(shape: [n, d], scalars: Array(hidden[from..<(from + n * d)]))
            }
        }
        return states.map { $0! }
    }
}
