// BertEncoder: a frozen BERT-family encoder (embeddings + post-LN layers) with attention kept for tracing and a backward to its input embeddings.

/// A BERT encoder (Devlin et al. 2019, arXiv:1810.04805) such as all-MiniLM-L6-v2 (Wang et al. 2020,
/// arXiv:2002.10957), with weights loaded from a Hugging Face checkpoint through `BertKeyMap`.
///
/// Forward, for word ids [B, T] with real lengths L_b (padding is masked out of every softmax):
/// ```
/// e = E_word[ids]   x₀ = LN(e + E_pos[t] + E_type[τ])   x_{l+1} = BertLayer_l(x_l)   output: x_L [B, T, D]
/// ```
/// The softmax probabilities of every layer, [B, H, T, T], are returned for tracing. `backward`
/// takes ∂y/∂x_L and returns ∂y/∂e: the gradient with respect to the word embeddings of the last
/// forward, which gradient saliency and integrated gradients need. The parameters are never updated.
///
/// Parameters share one arena shared by copies (read-only after loading); the activation workspace
/// is per value (copy on write), so two copies can run in parallel.
public struct BertEncoder: Sendable {
    public let configuration: BertConfiguration
    public let layout: ParameterLayout
    /// Threads for the attention and layer-norm loops (BLAS threads are set with `setBLASThreads`).
    public var threads: Int = 1

    let embeddings: BertEmbeddings
    let layers: [BertLayer]
    /// Shared by copies; fine-tuning writes through `mutableParameters`, which first copies a shared arena.
    var parameters: FloatBuffer
    var storage: WorkspaceBox
    /// The batch shape of the last forward, for `backward`.
    var lastShape: BatchShape?
    /// The word ids and dropout of the last `trainingForward`, for `trainingBackward`.
    var lastIDs: [Int32]?
    var lastTrained = false

    final class WorkspaceBox: @unchecked Sendable {
        var workspace: BertWorkspace?
    }

    /// A randomly initialised encoder (tests and gradient checks), seeded.
    public init(configuration: BertConfiguration, seed: UInt64) throws {
        try configuration.validate(source: "configuration")
        var layout = ParameterLayout()
        let embeddings = BertEmbeddings(configuration: configuration, layout: &layout)
        let layers = (0..<configuration.layers).map {
            BertLayer("encoder.layers.\($0)", configuration: configuration, layout: &layout)
        }
        let parameters = FloatBuffer(count: layout.count)
        var rng = SplitMix64(seed: seed)
        embeddings.initialize(parameters.pointer, rng: &rng)
        for layer in layers { layer.initialize(parameters.pointer, rng: &rng) }
        self.init(configuration: configuration, layout: layout, embeddings: embeddings, layers: layers,
                  parameters: parameters)
    }

    init(configuration: BertConfiguration, layout: ParameterLayout, embeddings: BertEmbeddings, layers: [BertLayer],
         parameters: FloatBuffer) {
        self.configuration = configuration
        self.layout = layout
        self.embeddings = embeddings
        self.layers = layers
        self.parameters = parameters
        storage = WorkspaceBox()
    }

    /// The number of parameters.
    public var parameterCount: Int { layout.count }

    /// A copy of the named parameter tensor (layout names, e.g. `encoder.layers.0.attention.query.weight`).
    public func parameter(named name: String) -> Tensor? {
        guard let entry = layout.entry(named: name) else { return nil }
        return Tensor(shape: entry.shape,
                      scalars: Array(UnsafeBufferPointer(start: parameters.pointer + entry.offset, count: entry.count)))
    }

    mutating func workspace(for shape: BatchShape, training: Bool = false) -> BertWorkspace {
        if !isKnownUniquelyReferenced(&storage) { storage = WorkspaceBox() }
        let threads = max(1, self.threads)
        if let w = storage.workspace,
           w.covers(batchSize: shape.batchSize, length: shape.length, threads: threads, training: training) {
            return w
        }
        let old = storage.workspace
        storage.workspace = nil
        let w = BertWorkspace(configuration: configuration, batchSize: max(old?.batchSize ?? 0, shape.batchSize),
                              length: max(old?.length ?? 0, shape.length), threads: max(old?.threads ?? 0, threads),
                              training: training || old?.training == true)
        storage.workspace = w
        return w
    }

    /// The word embeddings e of `batch` ([B, T, D]; padded positions hold the [PAD] row).
    public func wordEmbeddings(_ batch: TokenBatch) -> Tensor {
        let d = configuration.hiddenSize
        var out = [Float](repeating: 0, count: batch.ids.count * d)
        batch.ids.withUnsafeBufferPointer { ids in
            out.withUnsafeMutableBufferPointer { o in
                embeddings.word.forward(ids.baseAddress!, rows: ids.count, parameters: parameters.pointer,
                                        lookup: o.baseAddress!, into: o.baseAddress!)
            }
        }
        return Tensor(shape: [batch.batchSize, batch.length, d], scalars: out)
    }

    /// Forward from word ids. `tokenTypes` [B·T] defaults to all 0 (single-sentence input).
    public mutating func forward(_ batch: TokenBatch, tokenTypes: [Int32]? = nil) -> BertOutput {
        forward(embeddings: wordEmbeddings(batch), lengths: batch.lengths, tokenTypes: tokenTypes)
    }

    /// Forward from word embeddings e [B, T, D] (the entry point of the gradient methods).
    public mutating func forward(embeddings e: Tensor, lengths: [Int], tokenTypes: [Int32]? = nil) -> BertOutput {
        let d = configuration.hiddenSize
        precondition(e.rank == 3 && e.shape[0] == lengths.count && e.shape[2] == d,
                     "embeddings shape \(e.shape) does not match [\(lengths.count), T, \(d)]")
        let shape = BatchShape(batchSize: lengths.count, length: e.shape[1], lengths: lengths)
        let w = workspace(for: shape)
        let rows = shape.rows
        e.withUnsafeBufferPointer { w.embeddings.update(from: $0.baseAddress!, count: rows * d) }
        if let tokenTypes {
            precondition(tokenTypes.count == rows, "\(tokenTypes.count) token types for \(rows) positions")
            for i in 0..<rows { w.tokenTypes[i] = tokenTypes[i] }
        } else {
            for i in 0..<rows { w.tokenTypes[i] = 0 }
        }
        var unused = SplitMix64(seed: 0)  // no dropout: never drawn from
        encode(shape, workspace: w, training: false, rng: &unused)
        lastShape = shape
        lastIDs = nil
        lastTrained = false
        let b = shape.batchSize, t = shape.length, h = configuration.heads
        func tensor(_ pointer: UnsafeMutablePointer<Float>, _ shape: [Int]) -> Tensor {
            Tensor(shape: shape, scalars: Array(UnsafeBufferPointer(start: pointer, count: shape.reduce(1, *))))
        }
        return BertOutput(lastHidden: tensor(w.hidden[layers.count], [b, t, d]),
                          attention: w.layers.prefix(layers.count).map { tensor($0.attention.probabilities, [b, h, t, t]) },
                          lengths: lengths)
    }

    /// x₀ = Drop(LN(e + E_position + E_type)) from the workspace's e and token types, then every layer into
    /// `hidden`: the forward of both entry points (`forward(embeddings:…)` and `trainingForward`). With `training`,
    /// dropout masks come from `rng`: the embedding output's, then each layer's.
    func encode(_ shape: BatchShape, workspace w: BertWorkspace, training: Bool, rng: inout SplitMix64) {
        let p = UnsafePointer(parameters.pointer), count = shape.rows * configuration.hiddenSize
        w.tokenTypes.withUnsafeBufferPointer { types in
            embeddings.forward(w.embeddings, types: types.baseAddress!, batch: shape, parameters: p,
                               sum: w.embeddingSum, mean: w.embeddingMean, rstd: w.embeddingRstd, into: w.hidden[0],
                               threads: threads)
        }
        if training && embeddings.dropout.probability > 0 {
            embeddings.dropout.makeMask(w.embeddingMask, count: count, rng: &rng)
            embeddings.dropout.forward(w.hidden[0], mask: w.embeddingMask, count: count, into: w.hidden[0])
        }
        for (l, layer) in layers.enumerated() {
            layer.forward(w.hidden[l], batch: shape, parameters: p, cache: w.layers[l], into: w.hidden[l + 1],
                          training: training, rng: &rng, threads: threads)
        }
    }

    /// ∂/∂x_L into `workspace.dHidden`, then back through every layer and the embedding output's dropout, leaving
    /// ∂/∂(LN output) there; parameter gradients accumulate into `gradients` when given. `training` is the forward's.
    func backwardThroughLayers(_ dLastHidden: Tensor, shape: BatchShape, workspace w: BertWorkspace,
                               gradients: UnsafeMutablePointer<Float>?, training: Bool) {
        let d = configuration.hiddenSize, count = shape.rows * d, p = UnsafePointer(parameters.pointer)
        precondition(dLastHidden.shape == [shape.batchSize, shape.length, d],
                     "dLastHidden shape \(dLastHidden.shape) does not match [\(shape.batchSize), \(shape.length), \(d)]")
        dLastHidden.withUnsafeBufferPointer { w.dHidden.update(from: $0.baseAddress!, count: count) }
        for l in stride(from: layers.count - 1, through: 0, by: -1) {
            layers[l].backward(w.dHidden, x: w.hidden[l], batch: shape, parameters: p, gradients: gradients,
                               cache: w.layers[l], scratch: w.scratch, training: training, threads: threads)
        }
        if training && embeddings.dropout.probability > 0 {
            embeddings.dropout.backward(w.dHidden, mask: w.embeddingMask, count: count, dx: w.dHidden)
        }
    }

    /// ∂y/∂x_L [B, T, D] for the last forward → ∂y/∂e [B, T, D] (zero at padded positions).
    public mutating func backward(_ dLastHidden: Tensor) -> Tensor {
        guard let shape = lastShape, let w = storage.workspace else { preconditionFailure("backward before forward") }
        let d = configuration.hiddenSize, rows = shape.rows, p = UnsafePointer(parameters.pointer)
        backwardThroughLayers(dLastHidden, shape: shape, workspace: w, gradients: nil, training: false)
        var out = [Float](repeating: 0, count: rows * d)
        out.withUnsafeMutableBufferPointer { o in
            embeddings.backward(w.dHidden, batch: shape, parameters: p, sum: w.embeddingSum, mean: w.embeddingMean,
                                rstd: w.embeddingRstd, into: o.baseAddress!, threads: threads)
            for b in 0..<shape.batchSize {
                let t = shape.length
                for i in (b * t + shape.lengths[b]) * d..<(b + 1) * t * d { o[i] = 0 }
            }
        }
        return Tensor(shape: [shape.batchSize, shape.length, d], scalars: out)
    }
}

/// What one encoder forward returns.
public struct BertOutput: Sendable {
    /// [B, T, D] the last layer's hidden states (rows past a sequence's length are padding).
    public var lastHidden: Tensor
    /// Per layer (bottom first), [B, H, T, T] softmax probabilities; padded rows and columns are 0.
    public var attention: [Tensor]
    public var lengths: [Int]

    /// One `AttentionMaps` per example, padding removed, with the context attention `contexts` [B, T]
    /// (e.g. the sentiment head's α; zero at padding).
    public func attentionMaps(contexts: Tensor) -> [AttentionMaps] {
        AttentionMaps.unpad(layerProbabilities: attention.map(\.scalars), contexts: contexts.scalars,
                            heads: attention[0].shape[1], length: attention[0].shape[2], lengths: lengths)
    }
}
