// SentimentTransformer: embeddings → post-LN encoder layers → context attention pooling → MLP head.

/// The sentiment model of Wu, Nguyen & Ong (BlackboxNLP 2020), with an explicit backward pass.
///
/// Parameters live in one arena (`layout` names every tensor, e.g. `encoder.layers.3.attention.query.weight`);
/// gradients share the layout. Activations live in a `Workspace` allocated for the largest batch seen.
/// The type has value semantics: copying it and mutating the copy copies the arena (copy on write).
///
/// Forward, for ids [B, T] with lengths L_b:
/// ```
/// x₀ = Embedding(ids) (+ positions)   x_{l+1} = EncoderLayer_l(x_l)   pooled = ContextAttention(x_L)
/// outputs = Classifier(pooled)
/// ```
/// `backward` is the same list of calls in reverse.
public struct SentimentTransformer: Sendable {
    public let configuration: ModelConfiguration
    public let layout: ParameterLayout
    /// Threads for the attention, layer-norm and pooling loops (BLAS threads are set with `setBLASThreads`).
    public var threads: Int = 1

    let embedding: Embedding
    let positions: PositionalEncoding?
    let layers: [EncoderLayer]
    let pooling: ContextAttentionPooling
    let classifier: Classifier
    var storage: Storage

    final class Storage: @unchecked Sendable {
        let parameters: FloatBuffer
        let gradients: FloatBuffer
        var workspace: Workspace?
        init(parameters: FloatBuffer, gradients: FloatBuffer) {
            self.parameters = parameters
            self.gradients = gradients
        }
    }

    /// Builds the layout and initialises every parameter from `seed` (PyTorch's default schemes).
    /// Throws if the configuration is impossible, naming the field.
    public init(configuration c: ModelConfiguration, seed: UInt64) throws {
        try c.validate()
        configuration = c
        var layout = ParameterLayout()
        embedding = Embedding("embedding", vocabularySize: c.vocabularySize,
                              width: c.pretrainedEmbeddingWidth ?? c.modelWidth, modelWidth: c.modelWidth,
                              layout: &layout)
        positions = c.positional == .sinusoidal ? PositionalEncoding(width: c.modelWidth, maxLength: c.maxLength) : nil
        layers = (0..<c.layers).map { EncoderLayer("encoder.layers.\($0)", configuration: c, layout: &layout) }
        pooling = ContextAttentionPooling("pooling", modelWidth: c.modelWidth, hiddenWidth: c.poolingHidden,
                                          layout: &layout)
        classifier = Classifier("classifier", modelWidth: c.modelWidth, hiddenWidth: c.classifierHidden,
                                outputs: c.outputs, dropout: c.classifierDropout, shift: c.targetMean,
                                scale: c.targetScale, layout: &layout)
        self.layout = layout
        storage = Storage(parameters: FloatBuffer(count: layout.count), gradients: FloatBuffer(count: layout.count))
        var rng = SplitMix64(seed: seed)
        let p = storage.parameters.pointer
        embedding.initialize(p, rng: &rng)
        for layer in layers { layer.initialize(p, rng: &rng) }
        pooling.initialize(p, rng: &rng)
        classifier.initialize(p, rng: &rng)
    }

    /// The number of trainable scalars.
    public var parameterCount: Int { layout.count }

    /// Copies the arena when this value shares it with another copy (value semantics).
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(parameters: storage.parameters.copy(), gradients: storage.gradients.copy())
        }
    }

    /// The workspace, grown to fit a batch of this shape.
    mutating func workspace(batchSize: Int, length: Int) -> Workspace {
        makeUnique()
        let needed = Workspace.Capacity(batchSize: batchSize, length: length, threads: max(1, threads))
        if let w = storage.workspace, w.capacity.covers(needed) { return w }
        let old = storage.workspace?.capacity ?? needed
        let grown = Workspace.Capacity(batchSize: max(old.batchSize, batchSize), length: max(old.length, length),
                                       threads: max(old.threads, needed.threads))
        storage.workspace = nil  // free the old buffers before allocating the new ones
        let w = Workspace(configuration: configuration, capacity: grown)
        storage.workspace = w
        return w
    }

    /// Allocates the workspace for batches up to this shape now, so training never grows it mid-run.
    public mutating func reserve(batchSize: Int, length: Int) {
        _ = workspace(batchSize: batchSize, length: length)
    }

    /// Sets every gradient to zero (gradients accumulate across backward calls).
    public mutating func zeroGradients() {
        makeUnique()
        storage.gradients.zero()
    }

    /// Runs `body` over the flat parameter and gradient arenas (`count` scalars each, `layout` order):
    /// the optimiser, clipping and checkpointing are flat loops over these.
    public mutating func withArenas<R>(
        _ body: (_ parameters: UnsafeMutablePointer<Float>, _ gradients: UnsafeMutablePointer<Float>,
                 _ count: Int) throws -> R
    ) rethrows -> R {
        makeUnique()
        return try body(storage.parameters.pointer, storage.gradients.pointer, layout.count)
    }

    /// A copy of the flat parameter arena.
    public var parameterValues: [Float] { storage.parameters.array }
    /// A copy of the flat gradient arena.
    public var gradientValues: [Float] { storage.gradients.array }
}
