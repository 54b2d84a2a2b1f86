// ModelConfiguration: every size of the sentiment Transformer, with the published SST model as default.

/// What the model predicts: class logits (softmax cross-entropy) or one real value (mean squared error).
public enum Objective: String, Codable, Sendable {
    case classification, regression
}

/// Positional information added to the embeddings. The published model has none.
public enum PositionalEncodingKind: String, Codable, Sendable {
    case none, sinusoidal
}

/// The sizes of `SentimentTransformer`, keyed like a `config.json` (snake_case).
///
/// Defaults are the SST model of Wu, Nguyen & Ong (BlackboxNLP 2020): 6 post-LN layers, 8 heads,
/// d_model 300, d_k = d_v = 64, feed-forward 64, pooling hidden 128, classifier hidden 64, 5 classes.
public struct ModelConfiguration: Codable, Equatable, Sendable {
    public var vocabularySize: Int = 16_000
    public var modelWidth: Int = 300
    public var layers: Int = 6
    public var heads: Int = 8
    public var keyWidth: Int = 64
    public var valueWidth: Int = 64
    public var feedForwardWidth: Int = 64
    public var poolingHidden: Int = 128
    public var classifierHidden: Int = 64
    /// Number of classes, or 1 for regression.
    public var outputs: Int = 5
    public var objective: Objective = .classification
    /// Dropout on attention probabilities, sub-layer outputs.
    public var dropout: Float = 0.1
    /// Dropout before the classifier's last layer.
    public var classifierDropout: Float = 0.3
    public var positional: PositionalEncodingKind = .none
    public var layerNormEpsilon: Float = 1e-5
    /// When set, the embedding table has this width and a learned linear map projects it to `modelWidth`.
    public var pretrainedEmbeddingWidth: Int? = nil
    /// Longest sequence the model accepts (sinusoidal table size; inputs are cut to this).
    public var maxLength: Int = 128
    /// Regression only: the network learns the standardised target (y − target_mean) / target_scale, and its
    /// output is reported in the targets' units, y = target_mean + target_scale · z. The trainer sets them from
    /// the training targets; the loss is the squared error in standardised units.
    public var targetMean: Float = 0
    public var targetScale: Float = 1

    public init() {}

    /// The default configuration with selected fields changed, e.g. `.init(vocabularySize: 7, modelWidth: 8)`.
    public init(vocabularySize: Int = 16_000, modelWidth: Int = 300, layers: Int = 6, heads: Int = 8,
                keyWidth: Int = 64, valueWidth: Int = 64, feedForwardWidth: Int = 64, poolingHidden: Int = 128,
                classifierHidden: Int = 64, outputs: Int = 5, objective: Objective = .classification,
                dropout: Float = 0.1, classifierDropout: Float = 0.3, positional: PositionalEncodingKind = .none,
                layerNormEpsilon: Float = 1e-5, pretrainedEmbeddingWidth: Int? = nil, maxLength: Int = 128,
                targetMean: Float = 0, targetScale: Float = 1) {
        self.vocabularySize = vocabularySize
        self.modelWidth = modelWidth
        self.layers = layers
        self.heads = heads
        self.keyWidth = keyWidth
        self.valueWidth = valueWidth
        self.feedForwardWidth = feedForwardWidth
        self.poolingHidden = poolingHidden
        self.classifierHidden = classifierHidden
        self.outputs = outputs
        self.objective = objective
        self.dropout = dropout
        self.classifierDropout = classifierDropout
        self.positional = positional
        self.layerNormEpsilon = layerNormEpsilon
        self.pretrainedEmbeddingWidth = pretrainedEmbeddingWidth
        self.maxLength = maxLength
        self.targetMean = targetMean
        self.targetScale = targetScale
    }

    enum CodingKeys: String, CodingKey {
        case vocabularySize = "vocabulary_size", modelWidth = "model_width", layers, heads
        case keyWidth = "key_width", valueWidth = "value_width", feedForwardWidth = "feed_forward_width"
        case poolingHidden = "pooling_hidden", classifierHidden = "classifier_hidden", outputs, objective
        case dropout, classifierDropout = "classifier_dropout", positional
        case layerNormEpsilon = "layer_norm_epsilon", pretrainedEmbeddingWidth = "pretrained_embedding_width"
        case maxLength = "max_length", targetMean = "target_mean", targetScale = "target_scale"
    }

    /// Decodes any subset of the keys; missing keys keep their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ModelConfiguration()
        vocabularySize = try c.decodeIfPresent(Int.self, forKey: .vocabularySize) ?? d.vocabularySize
        modelWidth = try c.decodeIfPresent(Int.self, forKey: .modelWidth) ?? d.modelWidth
        layers = try c.decodeIfPresent(Int.self, forKey: .layers) ?? d.layers
        heads = try c.decodeIfPresent(Int.self, forKey: .heads) ?? d.heads
        keyWidth = try c.decodeIfPresent(Int.self, forKey: .keyWidth) ?? d.keyWidth
        valueWidth = try c.decodeIfPresent(Int.self, forKey: .valueWidth) ?? d.valueWidth
        feedForwardWidth = try c.decodeIfPresent(Int.self, forKey: .feedForwardWidth) ?? d.feedForwardWidth
        poolingHidden = try c.decodeIfPresent(Int.self, forKey: .poolingHidden) ?? d.poolingHidden
        classifierHidden = try c.decodeIfPresent(Int.self, forKey: .classifierHidden) ?? d.classifierHidden
        outputs = try c.decodeIfPresent(Int.self, forKey: .outputs) ?? d.outputs
        objective = try c.decodeIfPresent(Objective.self, forKey: .objective) ?? d.objective
        dropout = try c.decodeIfPresent(Float.self, forKey: .dropout) ?? d.dropout
        classifierDropout = try c.decodeIfPresent(Float.self, forKey: .classifierDropout) ?? d.classifierDropout
        positional = try c.decodeIfPresent(PositionalEncodingKind.self, forKey: .positional) ?? d.positional
        layerNormEpsilon = try c.decodeIfPresent(Float.self, forKey: .layerNormEpsilon) ?? d.layerNormEpsilon
        pretrainedEmbeddingWidth = try c.decodeIfPresent(Int.self, forKey: .pretrainedEmbeddingWidth)
        maxLength = try c.decodeIfPresent(Int.self, forKey: .maxLength) ?? d.maxLength
        targetMean = try c.decodeIfPresent(Float.self, forKey: .targetMean) ?? d.targetMean
        targetScale = try c.decodeIfPresent(Float.self, forKey: .targetScale) ?? d.targetScale
    }

    /// Rejects impossible sizes before any work, naming the field (`source` is the configuration's name).
    public func validate(source: String = "model configuration") throws {
        func fail(_ field: String, _ rule: String, _ value: String) -> AtlasError {
            AtlasError(source: source, message: "\(field) must be \(rule), got \(value)",
                       hint: "fix `\(field)` in the model configuration")
        }
        let positive: [(String, Int)] = [
            ("vocabulary_size", vocabularySize), ("model_width", modelWidth), ("layers", layers),
            ("heads", heads), ("key_width", keyWidth), ("value_width", valueWidth),
            ("feed_forward_width", feedForwardWidth), ("pooling_hidden", poolingHidden),
            ("classifier_hidden", classifierHidden), ("outputs", outputs), ("max_length", maxLength),
        ]
        for (field, value) in positive where value < 1 { throw fail(field, "at least 1", "\(value)") }
        if vocabularySize < 2 { throw fail("vocabulary_size", "at least 2 (id 0 is padding)", "\(vocabularySize)") }
        if let width = pretrainedEmbeddingWidth, width < 1 {
            throw fail("pretrained_embedding_width", "at least 1", "\(width)")
        }
        for (field, value) in [("dropout", dropout), ("classifier_dropout", classifierDropout)]
        where !(value >= 0 && value < 1) {
            throw fail(field, "in [0, 1)", "\(value)")
        }
        if !(layerNormEpsilon > 0) { throw fail("layer_norm_epsilon", "positive", "\(layerNormEpsilon)") }
        if !targetMean.isFinite { throw fail("target_mean", "finite", "\(targetMean)") }
        if !(targetScale > 0 && targetScale.isFinite) { throw fail("target_scale", "positive and finite", "\(targetScale)") }
        if objective == .classification && (targetMean != 0 || targetScale != 1) {
            throw fail("target_mean", "0 with target_scale 1 for classification (they standardise regression targets)",
                       "\(targetMean), \(targetScale)")
        }
        if objective == .regression && outputs != 1 {
            throw fail("outputs", "1 for the regression objective", "\(outputs)")
        }
        if objective == .classification && outputs < 2 {
            throw fail("outputs", "at least 2 for classification", "\(outputs)")
        }
    }
}
