// SiteContent+Faithfulness: the plain values of the faithfulness and plausibility tables.

/// One method (at one layer) of one corpus: comprehensiveness and sufficiency AOPC, AUPRC and token F1.
public struct FaithfulnessRow: Sendable, Equatable {
    public var corpusID: String
    public var methodID: String
    /// "" for the method's input scores, else "layer 2", "context".
    public var layer: String
    /// Comprehensiveness AOPC, sufficiency AOPC, AUPRC, token F1, in that order; nil = not measured (EmoBank has no rationales).
    public var cells: [FaithfulnessCell?]
    public init(corpusID: String, methodID: String, layer: String, cells: [FaithfulnessCell?]) {
        self.corpusID = corpusID
        self.methodID = methodID
        self.layer = layer
        self.cells = cells
    }
}

/// A mean over examples with its 95 % bootstrap interval and the Holm-adjusted p of the paired test against random.
public struct FaithfulnessCell: Sendable, Equatable {
    public var estimate: Double
    public var lower: Double?
    public var upper: Double?
    public var pValue: Double?
    public var n: Int
    public init(estimate: Double, lower: Double?, upper: Double?, pValue: Double?, n: Int) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.pValue = pValue
        self.n = n
    }
}

/// The methods compared pairwise on one figure: `cells[row][column]` = mean(row − column) over the examples where
/// both are defined; nil on the diagonal and for a pair without a comparison.
public struct MethodComparisonMatrix: Sendable, Equatable {
    /// E.g. "comprehensiveness AOPC".
    public var statistic: String
    public var isHigherBetter: Bool
    public var methodIDs: [String]
    public var cells: [[MethodComparisonCell?]]
    public init(statistic: String, isHigherBetter: Bool, methodIDs: [String], cells: [[MethodComparisonCell?]]) {
        self.statistic = statistic
        self.isHigherBetter = isHigherBetter
        self.methodIDs = methodIDs
        self.cells = cells
    }
}

/// One ordered pair: the mean difference with its paired bootstrap interval and the Holm-adjusted Wilcoxon p.
public struct MethodComparisonCell: Sendable, Equatable {
    public var difference: Double
    public var lower: Double?
    public var upper: Double?
    /// nil when untested (every difference zero, or fewer than two examples).
    public var holmP: Double?
    public var n: Int
    public init(difference: Double, lower: Double?, upper: Double?, holmP: Double?, n: Int) {
        self.difference = difference
        self.lower = lower
        self.upper = upper
        self.holmP = holmP
        self.n = n
    }
}
