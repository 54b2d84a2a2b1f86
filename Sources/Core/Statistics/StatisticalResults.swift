// StatisticalResults: the Codable result values written to the site's JSON unchanged (intervals, correlations, tests).

/// The alternative hypothesis of a test. Only two-sided tests are reported on the site.
public enum Alternative: String, Codable, Sendable {
    case twoSided = "two-sided"
}

/// A confidence interval at an explicit level, with the method that produced it
/// (e.g. "fisher-z", "bootstrap-percentile", "bootstrap-bca", "welch-t").
public struct ConfidenceInterval: Codable, Equatable, Sendable {
    public var lower: Double
    public var upper: Double
    public var level: Double
    public var method: String

    public init(lower: Double, upper: Double, level: Double, method: String) {
        self.lower = lower
        self.upper = upper
        self.level = level
        self.method = method
    }
}

/// P-values adjusted for multiple comparisons within a named family of tests.
public struct AdjustedPValues: Codable, Equatable, Sendable {
    /// Holm (1979) step-down adjustment (controls the family-wise error rate).
    public var holm: Double
    /// Benjamini–Hochberg (1995) step-up adjustment (controls the false discovery rate).
    public var benjaminiHochberg: Double
    /// The family, e.g. "warriner.valence-intensity.spearman", and its size.
    public var family: String
    public var familySize: Int

    public init(holm: Double, benjaminiHochberg: Double, family: String, familySize: Int) {
        self.holm = holm
        self.benjaminiHochberg = benjaminiHochberg
        self.family = family
        self.familySize = familySize
    }
}

/// A correlation coefficient with its interval and two-sided p-value.
public struct CorrelationResult: Codable, Equatable, Sendable {
    /// "spearman" or "pearson".
    public var method: String
    public var estimate: Double
    public var interval: ConfidenceInterval?
    /// A second interval by another method (Spearman: Fisher z beside the bootstrap).
    public var alternativeInterval: ConfidenceInterval?
    public var pValue: Double
    public var n: Int
    public var adjusted: AdjustedPValues?

    public init(method: String, estimate: Double, interval: ConfidenceInterval?,
                alternativeInterval: ConfidenceInterval? = nil, pValue: Double, n: Int,
                adjusted: AdjustedPValues? = nil) {
        self.method = method
        self.estimate = estimate
        self.interval = interval
        self.alternativeInterval = alternativeInterval
        self.pValue = pValue
        self.n = n
        self.adjusted = adjusted
    }
}

/// A two-sample (or paired) test: statistic, p-value, an effect size with its interval, and what is needed to read them.
public struct TwoSampleResult: Codable, Equatable, Sendable {
    /// "welch-t", "mann-whitney-u", "wilcoxon-signed-rank", "paired-bootstrap".
    public var test: String
    public var statistic: Double
    public var pValue: Double
    /// Degrees of freedom, for t tests.
    public var df: Double?
    public var effectSize: Double
    /// "mean-difference", "rank-biserial", "matched-pairs-rank-biserial", "cohen-d".
    public var effectSizeName: String
    /// The interval of `effectSize`, when one was computed.
    public var interval: ConfidenceInterval?
    public var n1: Int
    public var n2: Int
    public var mean1: Double
    public var mean2: Double
    public var alternative: Alternative
    public var adjusted: AdjustedPValues?

    public init(test: String, statistic: Double, pValue: Double, df: Double?, effectSize: Double,
                effectSizeName: String, interval: ConfidenceInterval?, n1: Int, n2: Int,
                mean1: Double, mean2: Double, alternative: Alternative = .twoSided,
                adjusted: AdjustedPValues? = nil) {
        self.test = test
        self.statistic = statistic
        self.pValue = pValue
        self.df = df
        self.effectSize = effectSize
        self.effectSizeName = effectSizeName
        self.interval = interval
        self.n1 = n1
        self.n2 = n2
        self.mean1 = mean1
        self.mean2 = mean2
        self.alternative = alternative
        self.adjusted = adjusted
    }
}

/// An effect size without a test (Cohen's d) and its interval.
public struct EffectSize: Codable, Equatable, Sendable {
    public var name: String
    public var estimate: Double
    public var interval: ConfidenceInterval?
    public var n1: Int
    public var n2: Int

    public init(name: String, estimate: Double, interval: ConfidenceInterval?, n1: Int, n2: Int) {
        self.name = name
        self.estimate = estimate
        self.interval = interval
        self.n1 = n1
        self.n2 = n2
    }
}
