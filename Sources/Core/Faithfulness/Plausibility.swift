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
        spearman = spearmanCorrelation(scores.map(Double.init), rationale)
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

/// Spearman's ρ: the Pearson correlation of the average ranks (ties share their mean rank).
/// nil when either input is constant (or has fewer than two values).
public func spearmanCorrelation(_ a: [Double], _ b: [Double]) -> Double? {
    precondition(a.count == b.count, "Spearman: \(a.count) and \(b.count) values")
    guard a.count >= 2 else { return nil }
    let x: [Double] = averageRanks(a), y: [Double] = averageRanks(b)
    let n = Double(a.count)
    let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for i in x.indices {
        sxy += (x[i] - mx) * (y[i] - my)
        sxx += (x[i] - mx) * (x[i] - mx)
        syy += (y[i] - my) * (y[i] - my)
    }
    guard sxx > 0 && syy > 0 else { return nil }
    return sxy / (sxx * syy).squareRoot()
}

/// 1-based ranks in increasing order; tied values get the mean of the ranks they span.
func averageRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
    var ranks = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
        var end = start
        while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
        let rank = Double(start + end) / 2 + 1
        for p in start...end { ranks[order[p]] = rank }
        start = end + 1
    }
    return ranks
}
