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
