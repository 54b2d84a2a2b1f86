// Plausibility: how well a method's scores match a graded human rationale (AUPRC, token F1 and IOU, Spearman).

/// Agreement between one score vector and a human rationale r ∈ {0, 0.5, 1}ⁿ. A figure that is
/// undefined for this example is nil (never NaN), and is omitted from JSON.
public struct PlausibilityResult: Codable, Equatable, Sendable {
    /// Average precision with r > 0 as the positives; nil when there is no positive.
    public var auprc: Double?
    /// Token F1 of the top-k tokens against the r > 0 tokens, k = their number; nil when k = 0.
    public var f1: Double?
    /// Intersection over union of the same two sets; nil when k = 0.
    public var iou: Double?
    /// Spearman's ρ between the scores and r; nil when either is constant.
    public var spearman: Double?
    /// k, the number of rationale tokens (r > 0).
    public var rationaleTokens: Int

    /// Scores every figure. `rationale` has one value per token; ties in `scores` go to the lower index.
    public init(scores: [Float], rationale: [Double]) {
        precondition(scores.count == rationale.count,
                     "plausibility: \(scores.count) scores for \(rationale.count) rationale values")
        let relevant = rationale.map { $0 > 0 }
        let k = relevant.filter { $0 }.count
        rationaleTokens = k
        auprc = averagePrecision(scores: scores, relevant: relevant)
        if k > 0 {
            let hits = topTokens(by: scores, count: k).filter { relevant[$0] }.count
            // |P| = |G| = k, so F1 = 2·hits / (k + k) and IOU = hits / (2k − hits).
            f1 = Double(hits) / Double(k)
            iou = Double(hits) / Double(2 * k - hits)
        }
        spearman = plausibilitySpearman(scores.map(Double.init), rationale)
    }
}

/// Average precision, as scikit-learn's `average_precision_score`:
/// AP = Σ_t (R_t − R_{t−1}) · P_t over the distinct score thresholds t in decreasing order, where a
/// threshold admits every token with score ≥ t (tied scores enter together, so ties are not
/// broken by index here). nil when there is no positive.
public func averagePrecision(scores: [Float], relevant: [Bool]) -> Double? {
    precondition(scores.count == relevant.count, "average precision: \(scores.count) scores, \(relevant.count) labels")
    let positives = relevant.filter { $0 }.count
    guard positives > 0 else { return nil }
    let order = rankTokens(by: scores)
    var truePositives = 0, seen = 0, previousRecall = 0.0, sum = 0.0
    var position = 0
    while position < order.count {
        let threshold = scores[order[position]]
        while position < order.count && (scores[order[position]] == threshold
                                          || (threshold.isNaN && scores[order[position]].isNaN)) {
            if relevant[order[position]] { truePositives += 1 }
            seen += 1
            position += 1
        }
        let recall = Double(truePositives) / Double(positives)
        sum += (recall - previousRecall) * Double(truePositives) / Double(seen)
        previousRecall = recall
    }
    return sum
}

/// Spearman's ρ for plausibility (the statistics module's coefficient, with average ranks for ties),
/// or nil when either input is constant or has fewer than two values: undefined, never NaN.
public func plausibilitySpearman(_ a: [Double], _ b: [Double]) -> Double? {
    precondition(a.count == b.count, "Spearman: \(a.count) and \(b.count) values")
    guard a.count >= 2, Set(a).count > 1, Set(b).count > 1 else { return nil }
    return spearmanCoefficient(a, b)
}
