// ValidationReport: the Codable result of lexicon validation, per method and layer, written to the site unchanged.

/// One method's (or one layer's, or one baseline's) attributions over a split: the validation input.
public struct AttributionSeries: Sendable {
    /// E.g. "lat", "lat-mean-heads", "rollout", "random-baseline".
    public var method: String
    /// The layer for layer-wise methods (0 = input), nil for whole-model methods.
    public var layer: Int?
    public var occurrences: [ScoredOccurrence]

    public init(method: String, layer: Int?, occurrences: [ScoredOccurrence]) {
        self.method = method
        self.layer = layer
        self.occurrences = occurrences
    }
}

/// What a word's rating is compared with.
public enum RatingMeasure: String, Codable, Sendable {
    /// Emotional intensity |rating − neutral| (neutral from the lexicon's scale: 5 for Warriner, 0 for VADER).
    case intensity
    /// The rating itself (arousal: calm → excited).
    case rating
}

/// One lexicon dimension to validate against, e.g. Warriner valence as intensity (with the quadratic regression).
public struct ValidationTarget: Codable, Equatable, Sendable {
    public var lexicon: String
    public var dimension: EmotionDimension
    public var measure: RatingMeasure
    /// Fit the quadratic regression of mean score on the raw rating (valence targets).
    public var includesQuadratic: Bool

    public init(lexicon: String, dimension: EmotionDimension, measure: RatingMeasure, includesQuadratic: Bool) {
        self.lexicon = lexicon
        self.dimension = dimension
        self.measure = measure
        self.includesQuadratic = includesQuadratic
    }

    /// "warriner.valence.intensity": the family name used for multiple-comparison correction.
    public var key: String { "\(lexicon).\(dimension.rawValue).\(measure.rawValue)" }
}

/// Options of a validation run; the defaults follow RESEARCH.md.
public struct ValidationOptions: Codable, Equatable, Sendable {
    /// Keep word types seen at least this often (2 = "more than once", as the authors).
    public var minimumOccurrences = 2
    public var topK = [50, 100, 200]
    /// At least 1,000 for published numbers; tests use fewer.
    public var bootstrapResamples = 1_000
    public var bootstrapMethod = BootstrapMethod.percentile
    public var level = 0.95
    public var seed: UInt64 = 20_201_008
    /// How many top words (by mean score) each entry lists for the site.
    public var topWordCount = 50
    public var randomBaseline = RandomBaseline.shuffledScores
    /// Add the random and frequency baselines, built from the first series' occurrences.
    public var includesBaselines = true

    public init() {}
}

/// Top-k words by mean score against the rest, on one target's measure.
public struct TopKComparison: Codable, Equatable, Sendable {
    public var k: Int
    public var nTop: Int
    public var nRest: Int
    public var meanTop: Double?
    public var meanRest: Double?
    public var welch: TwoSampleResult?
    public var mannWhitney: TwoSampleResult?
    public var cohenD: EffectSize?
    /// Statistic name → why it is undefined (e.g. "welch": "too few observations: 1, needs at least 2").
    public var undefined: [String: String]
}

/// All statistics of one method/layer against one target.
public struct TargetStatistics: Codable, Equatable, Sendable {
    public var target: ValidationTarget
    public var join: LexiconJoinSummary
    /// Word types used (joined, with a finite rating).
    public var wordCount: Int
    /// Spearman of mean score with the measure.
    public var spearman: CorrelationResult?
    public var quadratic: QuadraticRegressionResult?
    public var topK: [TopKComparison]
    /// Statistic name → why it is undefined ("spearman", "quadratic").
    public var undefined: [String: String]
}

/// A top-ranked word with its ratings, for the site's lists.
public struct TopWord: Codable, Equatable, Sendable {
    public var word: String
    public var meanScore: Double
    public var occurrences: Int
    /// Target key ("warriner.valence.intensity") → the raw rating of the joined lemma.
    public var ratings: [String: Double]
}

/// One point of the valence–score scatter: a word type joined to the first valence target.
public struct ScatterPoint: Codable, Equatable, Sendable {
    public var word: String
    public var valence: Double
    public var meanScore: Double
    public var n: Int
}

/// The validation of one method at one layer (or one baseline).
public struct MethodLayerValidation: Codable, Equatable, Sendable {
    public var method: String
    public var layer: Int?
    public var isBaseline: Bool
    public var aggregation: AggregationSummary
    public var targets: [TargetStatistics]
    public var topWords: [TopWord]
    public var scatter: [ScatterPoint]
}

/// The aggregation's counts (the per-word values live in `scatter` and `topWords`).
public struct AggregationSummary: Codable, Equatable, Sendable {
    public var wordTypes: Int
    public var typesBeforeFilter: Int
    public var occurrences: Int
    public var nonFiniteScoresDropped: Int
    public var minimumOccurrences: Int
}

/// The whole validation: every method × layer, the baselines, and how p-values were adjusted.
public struct ValidationReport: Codable, Equatable, Sendable {
    public var options: ValidationOptions
    public var entries: [MethodLayerValidation]
    /// How the multiple-comparison correction was applied, in one sentence for the site.
    public var correction: String
}
