// TraceableModel: what the tracer needs from a model — attention maps, outputs, input embeddings and their gradients.

/// A model the `Tracer` can run every attribution method over. The three kinds of model of this project
/// conform: the `SentimentTransformer` trained here, a frozen encoder with a head (`PretrainedSentimentModel`),
/// and the narrative encoder + LSTM (`TraceableNarrativeModel`). A new kind of model conforms once and gets
/// every method (attention methods, gradients, integrated gradients) and the worker pool for free.
public protocol TraceableModel: Sendable {
    /// One unit of input (a sentence, or a whole narrative).
    associatedtype Example: Sendable

    /// Indices into `examples`, grouped into the batches of one forward pass each, in a fixed order.
    func tracingBatches(_ examples: [Example], batchSize: Int) -> [[Int]]

    /// Evaluation-mode forward pass over one batch: for each example, what is traced of it (one item per
    /// sentence; one per rated, non-empty window of a narrative), with its layers decomposed for the
    /// decomposition methods among `decompositions` (`DecomposedEncoder.methods`; empty: none).
    mutating func forwardForTracing(_ batch: [Example], decompositions: Set<MethodID>) -> [[TracedForward]]

    /// Whether `outputsAndInputGradients` exists (the gradient methods are skipped otherwise).
    var hasInputGradients: Bool { get }

    /// The `GradientFunction` of one example of `tokens` positions: y = output `target` at S points
    /// (S × tokens × `embeddingWidth` embeddings in; S outputs and S × tokens × D gradients out).
    mutating func outputsAndInputGradients(_ embeddings: [Float], tokens: Int, target: Int)
        -> (outputs: [Float], gradients: [Float])

    /// D, the width of one input embedding.
    var embeddingWidth: Int { get }
    /// How outputs become a prediction (arg-max with probabilities, or the value itself).
    var objective: Objective { get }
    /// Whether records keep LAT's heaviest edges for the connection drawing (positions must be the words).
    var recordsConnections: Bool { get }

    /// Makes this copy (one per worker) run its own loops on one thread: the workers are the parallelism.
    mutating func useOneThread()
}

extension TraceableModel {
    public var hasInputGradients: Bool { true }
    public var recordsConnections: Bool { false }
}

/// What one forward pass gives the tracer for one traced item.
public struct TracedForward: Sendable {
    public var id: String
    /// The tokens the record shows (the words, for a word-piece model).
    public var tokens: [String]
    public var label: TraceTarget
    /// Every layer and head's attention over the positions the model read, and its context attention.
    public var maps: AttentionMaps
    /// The model's outputs (logits or the regression value).
    public var outputs: [Float]
    /// positions × D input embeddings, the point the gradient methods differentiate at (nil: not available).
    public var embeddings: [Float]?
    /// The input was longer than the model reads and was cut.
    public var isTruncated: Bool
    /// Set when positions are word pieces: every score is summed per word before it is recorded.
    public var wordPieces: WordPieceEncoding?
    /// The layers decomposed (norm methods, ALTI, value zeroing, norm-weighted LAT), when asked for.
    public var decomposition: DecomposedEncoder?

    public init(id: String, tokens: [String], label: TraceTarget, maps: AttentionMaps, outputs: [Float],
                embeddings: [Float]?, isTruncated: Bool, wordPieces: WordPieceEncoding? = nil,
                decomposition: DecomposedEncoder? = nil) {
        self.id = id
        self.tokens = tokens
        self.label = label
        self.maps = maps
        self.outputs = outputs
        self.embeddings = embeddings
        self.isTruncated = isTruncated
        self.wordPieces = wordPieces
        self.decomposition = decomposition
    }
}
