// NarrativeContent: the plain values of the site's Narratives section (one narrative corpus and its narratives).

/// One narrative corpus: the model's test metrics beside its baselines, the lexicon statistics of its
/// per-window traces, and every traced narrative.
public struct NarrativeCorpusContent: Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String
    public var metrics: [Metric]
    /// The model first, then each baseline, on the same test windows.
    public var comparison: [NarrativeScoreRow]
    public var statistics: [StatisticRow]
    public var layerSeries: [LayerSeries]
    public var narratives: [NarrativeContent]
    /// Across training seeds (nil with one) and the methods' agreement, as on a corpus page.
    public var seeds: SeedsContent? = nil
    public var agreement: AgreementMatrix? = nil
}

/// Test metrics of one predictor (NaN where undefined, e.g. a constant predictor's r).
public struct NarrativeScoreRow: Sendable, Equatable {
    public var name: String
    public var concordance: Double
    public var meanSequenceConcordance: Double
    public var pearson: Double
    public var rootMeanSquaredError: Double
}

/// One narrative (or chunk): its windows in order.
public struct NarrativeContent: Sendable, Equatable {
    public var id: String
    public var genre: String
    /// Lin's CCC of the model over this narrative's windows (nil: fewer than 2 rated windows, or not a test narrative).
    public var concordance: Double?
    public var windows: [NarrativeWindowContent]
}

/// One window: its words, gold and predicted valence, and LAT's score per word (nil: not traced).
public struct NarrativeWindowContent: Sendable, Equatable {
    public var id: String
    public var tokens: [String]
    public var gold: Double?
    public var predicted: Double?
    public var scores: [Double]?
}
