// SiteContent: the plain values the site is rendered from; the build fills them from the real results.
import Core

/// Everything the published site shows. Plain values, no behaviour; numbers are raw and
/// formatted by the page factories. Ids (`corpus.id`, `example.id`, `method.id`) are free text:
/// file names are derived from them by `SitePaths`, which sanitises them.
public struct SiteContent: Sendable, Equatable {
    /// The site's name, shown in every page's header.
    public var title: String
    /// The claim under test, one paragraph of plain text.
    public var claim: String
    public var models: [ModelSummary]
    public var methods: [MethodInfo]
    /// The headline table on the home page (method and layer × statistic, estimate, CI, p, n).
    public var keyStatistics: [StatisticRow]
    public var corpora: [CorpusContent]
    public var words: [WordContent]
    /// Files the build writes under the site (JSON, CSV, JSON Lines), linked from the Data page.
    public var downloads: [DownloadFile]
    /// Models of the same sentences side by side (the home page's comparison tables); empty with one model per task.
    public var modelComparisons: [ModelComparison] = []
    /// An optional line for every page's footer (e.g. the configuration and code version); no timestamps by default.
    public var footer: String
    /// Bootstrap resamples behind the statistics' confidence intervals (nil: not stated).
    public var bootstrapResamples: Int?
    /// The Narratives section: one entry per narrative corpus (empty: no section).
    public var narratives: [NarrativeCorpusContent] = []
    /// Faithfulness and plausibility of every method's input scores, per corpus (the home page's second table).
    public var faithfulness: [FaithfulnessRow] = []

    public init(title: String, claim: String, models: [ModelSummary], methods: [MethodInfo],
                keyStatistics: [StatisticRow], corpora: [CorpusContent], words: [WordContent],
                downloads: [DownloadFile], footer: String = "") {
        self.title = title
        self.claim = claim
        self.models = models
        self.methods = methods
        self.keyStatistics = keyStatistics
        self.corpora = corpora
        self.words = words
        self.downloads = downloads
        self.footer = footer
    }
}

/// One labelled number (accuracy, macro-F1, CCC, a count).
public struct Metric: Sendable, Equatable {
    public var label: String
    public var value: Double
    /// Digits after the decimal point when shown (0 for counts).
    public var digits: Int
    public init(label: String, value: Double, digits: Int = 3) {
        self.label = label
        self.value = value
        self.digits = digits
    }
}

/// A trained model and its test metrics.
public struct ModelSummary: Sendable, Equatable {
    public var name: String
    public var task: String
    public var metrics: [Metric]
    public init(name: String, task: String, metrics: [Metric]) {
        self.name = name
        self.task = task
        self.metrics = metrics
    }
}

/// An attribution method. `id` selects the formula partial `Templates/methods/<id>.mustache` when there is one.
public struct MethodInfo: Sendable, Equatable {
    public var id: String
    public var name: String
    public var summary: String
    public init(id: String, name: String, summary: String) {
        self.id = id
        self.name = name
        self.summary = summary
    }
}

/// One row of a statistics table: a statistic of one method (at one layer) with its 95% CI, p-value and n.
public struct StatisticRow: Sendable, Equatable {
    public var methodID: String
    /// The layer, when the statistic is per layer ("input", "layer 3"); empty otherwise.
    public var layer: String
    public var statistic: String
    public var estimate: Double
    public var lower: Double?
    public var upper: Double?
    public var pValue: Double?
    public var n: Int
    public init(methodID: String, layer: String = "", statistic: String, estimate: Double,
                lower: Double? = nil, upper: Double? = nil, pValue: Double? = nil, n: Int) {
        self.methodID = methodID
        self.layer = layer
        self.statistic = statistic
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.pValue = pValue
        self.n = n
    }
}

/// One corpus's results.
public struct CorpusContent: Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String
    public var metrics: [Metric]
    public var statistics: [StatisticRow]
    /// Per-layer line charts: one per statistic.
    public var layerSeries: [LayerSeries]
    public var scatter: ScatterContent
    public var topWords: [TopWordList]
    public var examples: [ExampleContent]
    /// Faithfulness and plausibility of every method × layer.
    public var faithfulness: [FaithfulnessRow] = []
    /// The methods compared pairwise on the headline faithfulness and plausibility figures.
    public var methodComparisons: [MethodComparisonMatrix] = []
    /// The results across training seeds; nil with one seed.
    public var seeds: SeedsContent?
    /// How alike the methods rank each sentence's words; nil when not computed.
    public var agreement: AgreementMatrix?
    /// The model-randomisation control; nil for a model without one.
    public var control: ControlContent?
    public init(id: String, name: String, description: String, metrics: [Metric], statistics: [StatisticRow],
                layerSeries: [LayerSeries], scatter: ScatterContent, topWords: [TopWordList], examples: [ExampleContent]) {
        self.id = id
        self.name = name
        self.description = description
        self.metrics = metrics
        self.statistics = statistics
        self.layerSeries = layerSeries
        self.scatter = scatter
        self.topWords = topWords
        self.examples = examples
    }
}

/// A statistic by layer (x: layer 0 = input … L = top), one line per method. nil = not defined at that layer.
public struct LayerSeries: Sendable, Equatable {
    public var statistic: String
    public var layerLabels: [String]
    public var lines: [Line]
    public struct Line: Sendable, Equatable {
        public var methodID: String
        public var values: [Double?]
        public init(methodID: String, values: [Double?]) {
            self.methodID = methodID
            self.values = values
        }
    }
    public init(statistic: String, layerLabels: [String], lines: [Line]) {
        self.statistic = statistic
        self.layerLabels = layerLabels
        self.lines = lines
    }
}

/// Valence against mean score per word type, the fitted quadratic score = b0 + b1·v + b2·v², and the published numbers.
public struct ScatterContent: Sendable, Equatable {
    public var methodID: String
    public var lexicon: String
    public var points: [ScatterPoint]
    public var fit: QuadraticFit
    /// Our figures beside the paper's, as (label, ours, published) text rows.
    public var comparison: [ComparisonRow]
    public init(methodID: String, lexicon: String, points: [ScatterPoint], fit: QuadraticFit, comparison: [ComparisonRow]) {
        self.methodID = methodID
        self.lexicon = lexicon
        self.points = points
        self.fit = fit
        self.comparison = comparison
    }
}

public struct ScatterPoint: Sendable, Equatable {
    public var word: String
    public var valence: Double
    public var score: Double
    public var occurrences: Int
    public init(word: String, valence: Double, score: Double, occurrences: Int) {
        self.word = word
        self.valence = valence
        self.score = score
        self.occurrences = occurrences
    }
}

/// score = b0 + b1·v + b2·v² (raw polynomial in valence v).
public struct QuadraticFit: Sendable, Equatable {
    public var b0: Double
    public var b1: Double
    public var b2: Double
    public var rSquared: Double
    public init(b0: Double, b1: Double, b2: Double, rSquared: Double) {
        self.b0 = b0
        self.b1 = b1
        self.b2 = b2
        self.rSquared = rSquared
    }
    public func callAsFunction(_ v: Double) -> Double { b0 + b1 * v + b2 * v * v }
}

public struct ComparisonRow: Sendable, Equatable {
    public var label: String
    public var ours: String
    /// The paper's figure; nil for a corpus the paper did not study (the column is left out).
    public var published: String?
    public init(label: String, ours: String, published: String?) {
        self.label = label
        self.ours = ours
        self.published = published
    }
}

/// The highest-scoring words of one method, with their lexicon valence (nil = not in the lexicon).
public struct TopWordList: Sendable, Equatable {
    public var methodID: String
    public var words: [TopWord]
    public init(methodID: String, words: [TopWord]) {
        self.methodID = methodID
        self.words = words
    }
}

public struct TopWord: Sendable, Equatable {
    public var word: String
    public var score: Double
    public var valence: Double?
    public init(word: String, score: Double, valence: Double?) {
        self.word = word
        self.score = score
        self.valence = valence
    }
}

/// One test example and its traces.
public struct ExampleContent: Sendable, Equatable {
    public var id: String
    public var tokens: [String]
    public var trueLabel: String
    public var predictedLabel: String
    public var traces: [MethodTrace]
    /// Integrated gradients' completeness error |Σ attributions − (f(x) − f(baseline))| relative to |f(x) − f(baseline)|.
    public var completenessError: Double?
    /// The text was cut to the model's maximum length.
    public var isTruncated: Bool
    /// LAT's traced flow between layers, for the connection drawing (may be empty).
    public var connections: [TraceEdge]
    /// SST only: the human rationale per token (Carton et al. 2020), 0, 0.5 or 1; nil when there is none.
    public var rationale: [Double]? = nil
    /// Every model traced on this example, this page's own first (empty when only one was): the model selector.
    public var models: [ExampleModel] = []
    /// The corpus whose page shows this example, when not its own (a second model of the same sentences).
    public var pageCorpusID: String?
    /// LAT at the input across the corpus's seeds; nil with one seed.
    public var seedSpread: SeedSpreadContent?
    public init(id: String, tokens: [String], trueLabel: String, predictedLabel: String, traces: [MethodTrace],
                completenessError: Double? = nil, isTruncated: Bool = false, connections: [TraceEdge] = []) {
        self.id = id
        self.tokens = tokens
        self.trueLabel = trueLabel
        self.predictedLabel = predictedLabel
        self.traces = traces
        self.completenessError = completenessError
        self.isTruncated = isTruncated
        self.connections = connections
    }
}

/// Scores of one method for one example: `layers[l][i]` = score of token i at layer l
/// (l = 0 is the input, the last is the top). A method without depth has one layer.
public struct MethodTrace: Sendable, Equatable {
    public var methodID: String
    public var layers: [[Double]]
    public init(methodID: String, layers: [[Double]]) {
        self.methodID = methodID
        self.layers = layers
    }
}

/// One word type: where it occurs, its mean score per method and its lexicon ratings.
public struct WordContent: Sendable, Equatable {
    public var word: String
    public var occurrences: [Occurrence]
    public var meanScores: [MethodScore]
    public var ratings: [LexiconRating]
    public init(word: String, occurrences: [Occurrence], meanScores: [MethodScore], ratings: [LexiconRating]) {
        self.word = word
        self.occurrences = occurrences
        self.meanScores = meanScores
        self.ratings = ratings
    }
}

public struct Occurrence: Sendable, Equatable {
    public var corpusID: String
    public var exampleID: String
    /// A few tokens either side, with the word itself in `word`.
    public var before: String
    public var word: String
    public var after: String
    public init(corpusID: String, exampleID: String, before: String, word: String, after: String) {
        self.corpusID = corpusID
        self.exampleID = exampleID
        self.before = before
        self.word = word
        self.after = after
    }
}

public struct MethodScore: Sendable, Equatable {
    public var methodID: String
    public var score: Double
    public init(methodID: String, score: Double) {
        self.methodID = methodID
        self.score = score
    }
}

public struct LexiconRating: Sendable, Equatable {
    /// e.g. "Warriner valence (1–9)".
    public var name: String
    public var value: Double
    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}

/// A file the build writes into the site (path relative to the site root, e.g. `data/statistics.json`).
public struct DownloadFile: Sendable, Equatable {
    public var path: String
    public var title: String
    public var description: String
    public var format: String
    public init(path: String, title: String, description: String, format: String) {
        self.path = path
        self.title = title
        self.description = description
        self.format = format
    }
}

/// The model-randomisation control: every method's ρ with |V − 5| and τ with the trained scores per cascade step.
public struct ControlContent: Sendable, Equatable {
    public var examples: Int
    public var steps: [String]
    public var rows: [Row]

    public struct Row: Sendable, Equatable {
        public var methodID: String
        public var rho: [Double?]
        public var lower: [Double?]
        public var upper: [Double?]
        public var tau: [Double?]
        public var survives: Bool
    }
}

/// One example's LAT input scores across seeds: per word, the mean and the sample SD.
public struct SeedSpreadContent: Sendable, Equatable {
    public var seeds: Int
    public var mean: [Double]
    public var standardDeviation: [Double]
}

/// Mean Kendall τ-b between two methods' word rankings per sentence, every pair: cell (i, j) = cell (j, i).
public struct AgreementMatrix: Sendable, Equatable {
    public var seeds: Int
    public var methodIDs: [String]
    public var cells: [[Cell?]]
    /// How often each method gives two different words of a sentence the same score, per seed (methods sorted).
    public var ties: [Ties] = []

    public struct Ties: Sendable, Equatable {
        public var methodID: String
        /// Per seed: the share of words tied with a different word, and of sentences whose top score is shared.
        public var tiedWords: [Double]
        public var sharedTop: [Double]
        public var sentences: Int
    }

    public struct Cell: Sendable, Equatable {
        /// The mean over seeds of the per-seed mean τ.
        public var mean: Double
        public var perSeed: [Double]
        public var lower: Double?
        public var upper: Double?
        /// The fewest sentences with τ defined in any seed.
        public var sentences: Int
    }
}

/// A corpus's results across its training seeds (corpora with more than one).
public struct SeedsContent: Sendable, Equatable {
    public var seeds: [UInt64]
    /// The statistic the figures and pairs are of ("Spearman ρ with |valence − 5|").
    public var statistic: String
    public var resamples: Int
    public var metrics: [Metric]
    public var figures: [Figure]
    public var pairs: [Pair]
    /// Faithfulness and plausibility (input-level scores), and their pairs on comprehensiveness AOPC and AUPRC.
    public var faithfulness: [Figure] = []
    public var faithfulnessPairs: [Pair] = []

    public struct Metric: Sendable, Equatable {
        public var label: String
        public var perSeed: [Double]
        public var mean: Double
        public var standardDeviation: Double
    }

    public struct Figure: Sendable, Equatable {
        public var methodID: String
        /// The figure, where the table mixes several ("comprehensiveness AOPC ↑"); empty otherwise.
        public var statistic: String = ""
        public var layer: String
        public var isBaseline: Bool
        public var perSeed: [Double]
        public var mean: Double
        public var standardDeviation: Double?
        public var lower: Double?
        public var upper: Double?
    }

    /// `first` against `second` at their input-level scores.
    public struct Pair: Sendable, Equatable {
        public var first: String
        public var second: String
        /// The figure, where the table mixes several; empty otherwise.
        public var statistic: String = ""
        public var perSeed: [Double]
        /// Seeds in which `first` is better (higher; lower for sufficiency).
        public var firstWins: Int
        public var meanDifference: Double
        public var lower: Double?
        public var upper: Double?
        public var holm: Double?
    }
}
