// AttentionPoolingHead: the sentiment head on a frozen encoder — context-attention pooling, then one linear layer to C classes.

/// A classifier over frozen encoder states h [B, T, D] (the last BERT layer), for sequence b with
/// L_b real tokens:
/// ```
/// e_t = w₂·ReLU(W₁ h_t + b₁) + b₂      α = softmax(e_{0..L−1})      pooled = Σ_t α_t h_t     logits = W_o pooled + b_o
/// ```
/// The pooling is the project's `ContextAttentionPooling` (Wu, Nguyen & Ong 2020), so α is the same
/// context attention the tracing methods start from. Parameter names: `pooling.hidden.*`,
/// `pooling.score.*`, `output.*`. All gradients are exact (see `ContextAttentionPooling`, `Linear`).
public struct AttentionPoolingHead: Sendable {
    public let width: Int
    public let poolingHidden: Int
    public let classes: Int
    public let layout: ParameterLayout
    /// The flat parameter arena, in `layout` order.
    public var parameters: [Float]

    let pooling: ContextAttentionPooling
    let output: Linear

    /// A head with PyTorch's default initialisation, seeded.
    public init(width: Int, poolingHidden: Int = 128, classes: Int, seed: UInt64) {
        precondition(width >= 1 && poolingHidden >= 1 && classes >= 2,
                     "head needs D, P ≥ 1 and C ≥ 2; got D \(width), P \(poolingHidden), C \(classes)")
        self.width = width
        self.poolingHidden = poolingHidden
        self.classes = classes
        var layout = ParameterLayout()
        pooling = ContextAttentionPooling("pooling", modelWidth: width, hiddenWidth: poolingHidden, layout: &layout)
        output = Linear("output", input: width, output: classes, layout: &layout)
        self.layout = layout
        let buffer = FloatBuffer(count: layout.count)
        var rng = SplitMix64(seed: seed)
        pooling.initialize(buffer.pointer, rng: &rng)
        output.initialize(buffer.pointer, rng: &rng)
        parameters = buffer.array
    }

    /// What one pass of the head produces.
    public struct Pass: Sendable {
        /// [B, C] class scores.
        public var logits: Tensor
        /// [B, T] context attention α (0 at padding).
        public var weights: Tensor
        /// [B, T, D] ∂(Σ_b dLogits_b · logits_b)/∂h, when a backward was asked for.
        public var hiddenGradient: Tensor?
        /// ∂/∂parameters in `layout` order, when a backward was asked for.
        public var parameterGradients: [Float]?
    }

    /// Forward over h [B, T, D] with real lengths. With `dLogits`, also the backward: it is called
    /// with the logits [B, C] and returns ∂y/∂logits [B, C] (e.g. a loss gradient, or a one-hot row).
    public func run(hidden h: Tensor, lengths: [Int], dLogits: ((Tensor) -> [Float])? = nil) -> Pass {
        let b = lengths.count, d = width, c = classes
        precondition(h.rank == 3 && h.shape[0] == b && h.shape[2] == d,
                     "hidden shape \(h.shape) does not match [\(b), T, \(d)]")
        let t = h.shape[1]
        let shape = BatchShape(batchSize: b, length: t, lengths: lengths)
        let n = shape.rows
        // Buffers are addressed by raw pointer below, so they are kept alive explicitly.
        let activations = FloatBuffer(count: n * poolingHidden), scores = FloatBuffer(count: n)
        let weights = FloatBuffer(count: n), pooled = FloatBuffer(count: b * d), logits = FloatBuffer(count: b * c)
        let gradients = FloatBuffer(count: dLogits == nil ? 0 : layout.count), dPooled = FloatBuffer(count: b * d)
        let dh = FloatBuffer(count: n * d), dActivations = FloatBuffer(count: n * poolingHidden)
        let dScores = FloatBuffer(count: n)
        let owned = [activations, scores, weights, pooled, logits, gradients, dPooled, dh, dActivations, dScores]
        let cache = ContextAttentionPooling.Cache(activations: activations.pointer, scores: scores.pointer,
                                                  weights: weights.pointer, pooled: pooled.pointer)
        return withExtendedLifetime(owned) {
            parameters.withUnsafeBufferPointer { pb in
                h.withUnsafeBufferPointer { hb in
                    let p = pb.baseAddress!, x = hb.baseAddress!
                    pooling.forward(x, batch: shape, parameters: p, cache: cache)
                    output.forward(pooled.pointer, rows: b, parameters: p, into: logits.pointer)
                    var pass = Pass(logits: Tensor(shape: [b, c], scalars: logits.array),
                                    weights: Tensor(shape: [b, t], scalars: weights.array))
                    guard let makeGradient = dLogits else { return pass }
                    let dLogits = makeGradient(pass.logits)
                    precondition(dLogits.count == b * c, "\(dLogits.count) logit gradients for [\(b), \(c)]")
                    dLogits.withUnsafeBufferPointer { dl in
                        output.backward(dl.baseAddress!, x: pooled.pointer, rows: b, parameters: p,
                                        gradients: gradients.pointer, dx: dPooled.pointer)
                    }
                    pooling.backward(dPooled.pointer, h: x, batch: shape, parameters: p, gradients: gradients.pointer,
                                     cache: cache, dh: dh.pointer, dActivations: dActivations.pointer,
                                     dScores: dScores.pointer)
                    pass.hiddenGradient = Tensor(shape: [b, t, d], scalars: dh.array)
                    pass.parameterGradients = gradients.array
                    return pass
                }
            }
        }
    }
}
