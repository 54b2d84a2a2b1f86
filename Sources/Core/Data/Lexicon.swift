// Lexicon: word → human ratings on one or more emotional dimensions (valence, arousal, …).

/// One rating of a word on one dimension: the mean over annotators, with spread and count when known.
public struct Rating: Equatable, Codable, Sendable {
    public var mean: Double
    public var standardDeviation: Double?
    public var count: Int?

    public init(mean: Double, standardDeviation: Double? = nil, count: Int? = nil) {
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.count = count
    }
}

/// A rating scale: its bounds and the neutral point (5 on Warriner's 1–9 scale, 0 on VADER's −4…4).
public struct RatingScale: Equatable, Codable, Sendable {
    public var lower: Double
    public var upper: Double
    public var neutral: Double

    public init(lower: Double, upper: Double, neutral: Double) {
        self.lower = lower
        self.upper = upper
        self.neutral = neutral
    }
}

/// The dimensions a lexicon can rate. Lexicons that rate a single "happiness" or "sentiment"
/// value (labMT, VADER) store it as `.valence`.
public enum EmotionDimension: String, Codable, Sendable, CaseIterable {
    case valence, arousal, dominance
}

/// A human-rated word list, keyed by lower-cased word.
public struct Lexicon: Equatable, Sendable {
    /// Short identifier, e.g. "warriner", "vader", "labmt", "anew".
    public var name: String
    /// The scale of every dimension (all dimensions of one lexicon share a scale).
    public var scale: RatingScale
    /// Which dimensions this lexicon rates.
    public var dimensions: [EmotionDimension]
    /// Lower-cased word → its ratings by dimension.
    public var entries: [String: [EmotionDimension: Rating]]
    /// Rows whose lower-cased word was already taken, by their original spelling: Warriner rates
    /// both "aids" and "AIDS"; `entries` keeps the lower-case spelling (or else the first row).
    public var caseVariants: [String: [EmotionDimension: Rating]]

    public init(name: String, scale: RatingScale, dimensions: [EmotionDimension],
                entries: [String: [EmotionDimension: Rating]],
                caseVariants: [String: [EmotionDimension: Rating]] = [:]) {
        self.name = name
        self.scale = scale
        self.dimensions = dimensions
        self.entries = entries
        self.caseVariants = caseVariants
    }

    /// The rating of `word` (looked up lower-cased) on `dimension`, if the lexicon has one.
    public func rating(of word: String, on dimension: EmotionDimension) -> Rating? {
        entries[word.lowercased()]?[dimension]
    }

    /// How many distinct lower-cased words the lexicon rates.
    public var count: Int { entries.count }

    /// How many rows the source file had (`count` plus the case variants): Warriner's 13,915.
    public var rowCount: Int { entries.count + caseVariants.count }
}
