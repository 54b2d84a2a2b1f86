// NarrativeModel: the sentence encoder with context attention on every window, an LSTM over windows, valence out.

/// Sizes of the narrative model: the window encoder (a `SentimentTransformer` configuration; its classifier
/// head is not used), the LSTM width and the longest sequence of windows.
public struct NarrativeConfiguration: Codable, Equatable, Sendable {
    public var encoder: ModelConfiguration
    /// LSTM hidden width H.
    public var recurrentWidth: Int = 64
    /// Longest sequence of windows; longer narratives are cut into chunks before they reach the model.
    public var maxWindows: Int = 32

    public init(encoder: ModelConfiguration, recurrentWidth: Int = 64, maxWindows: Int = 32) {
        self.encoder = encoder
        self.recurrentWidth = recurrentWidth
        self.maxWindows = maxWindows
    }

    enum CodingKeys: String, CodingKey {
        case encoder, recurrentWidth = "recurrent_width", maxWindows = "max_windows"
    }
}

/// One narrative as model input: token ids per window (an empty window is allowed) and the gold valence
/// per window (nil: not scored).
public struct NarrativeExample: Sendable, Equatable {
    public var windows: [[Int32]]
    public var targets: [Float?]

    public init(windows: [[Int32]], targets: [Float?]) {
        precondition(!windows.isEmpty && windows.count == targets.count, "\(windows.count) windows, \(targets.count) targets")
        self.windows = windows
        self.targets = targets
    }

    /// Encodes a sequence's windows with `vocabulary`.
    public init(_ sequence: NarrativeSequence, vocabulary: Vocabulary) {
        self.init(windows: sequence.windows.map { vocabulary.encode($0.tokens) },
                  targets: sequence.windows.map { $0.valence.map(Float.init) })
    }
}

/// The narrative valence model of Wu, Nguyen & Ong (2020), second task:
/// ```
/// v_{b,t} = ContextAttention(Encoder(window_{b,t}))   [D]   (v = 0 for a window without words)
/// h_{b,·} = LSTM(v_{b,·})                              [T, H]
/// ŷ_{b,t} = shift + scale · (w·h_{b,t} + c)
/// ```
/// `shift` and `scale` are constants (the training ratings' mean and standard deviation), so the linear
/// output works on standardised valence. Loss: mean squared error over the rated windows.
/// The encoder's parameters live in `encoder`'s arena; the LSTM and output live in a second arena
/// described by `layout` (`lstm.input.weight`, `lstm.input.bias`, `lstm.recurrent.weight`, `output.weight`,
/// `output.bias`). Value semantics as `SentimentTransformer` (copy on write).
public struct NarrativeModel: Sendable {
    public let configuration: NarrativeConfiguration
    public var encoder: SentimentTransformer
    public let layout: ParameterLayout
    public var valenceShift: Float = 0
    public var valenceScale: Float = 1
    let lstm: LSTM
    let output: Linear
    var storage: SentimentTransformer.Storage

    public init(configuration c: NarrativeConfiguration, seed: UInt64) throws {
        guard c.recurrentWidth >= 1 else {
            throw AtlasError(source: "narrative configuration", message: "recurrent_width must be at least 1, got \(c.recurrentWidth)")
        }
        guard c.maxWindows >= 1 else {
            throw AtlasError(source: "narrative configuration", message: "max_windows must be at least 1, got \(c.maxWindows)")
        }
        configuration = c
        var rng = SplitMix64(seed: seed)
        encoder = try SentimentTransformer(configuration: c.encoder, seed: rng.next())
        var layout = ParameterLayout()
        lstm = LSTM("lstm", inputWidth: c.encoder.modelWidth, hiddenWidth: c.recurrentWidth, layout: &layout)
        output = Linear("output", input: c.recurrentWidth, output: 1, layout: &layout)
        self.layout = layout
        storage = .init(parameters: FloatBuffer(count: layout.count), gradients: FloatBuffer(count: layout.count))
        lstm.initialize(storage.parameters.pointer, rng: &rng)
        output.initialize(storage.parameters.pointer, rng: &rng)
    }

    /// Scalars in both arenas.
    public var parameterCount: Int { encoder.parameterCount + layout.count }

    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = .init(parameters: storage.parameters.copy(), gradients: storage.gradients.copy())
        }
    }

    /// Runs `body` over the LSTM-and-output arena (parameters, gradients, count).
    public mutating func withArenas<R>(
        _ body: (_ parameters: UnsafeMutablePointer<Float>, _ gradients: UnsafeMutablePointer<Float>, _ count: Int) throws -> R
    ) rethrows -> R {
        makeUnique()
        return try body(storage.parameters.pointer, storage.gradients.pointer, layout.count)
    }

    /// Zeroes the gradients of both arenas.
    public mutating func zeroGradients() {
        encoder.zeroGradients()
        makeUnique()
        storage.gradients.zero()
    }

    /// Every LSTM and output parameter as (name, tensor), arena order (the encoder has its own `parameters`).
    public var headParameters: [(name: String, tensor: Tensor)] {
        layout.entries.map { entry in
            (entry.name, Tensor(shape: entry.shape, scalars: Array(UnsafeBufferPointer(
                start: storage.parameters.pointer + entry.offset, count: entry.count))))
        }
    }
}
