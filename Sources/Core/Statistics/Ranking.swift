// Ranking: average ranks with ties (scipy's rankdata(method='average')) and the sizes of the tie groups.

/// 1-based ranks of `values`; tied values share the mean of the ranks they span.
/// Also returns the size of every tie group (including groups of one), for tie corrections
/// Σ(t³ − t). Precondition: no NaN (callers check `Check.finite` first).
func averageRanks(_ values: [Double]) -> (ranks: [Double], tieSizes: [Int]) {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var tieSizes: [Int] = []
    var start = 0
    while start < order.count {
        var end = start + 1
        while end < order.count && values[order[end]] == values[order[start]] { end += 1 }
        // Positions start..<end (0-based) hold ranks start+1 … end; their mean is (start + 1 + end) / 2.
        let rank = Double(start + 1 + end) / 2
        for position in start..<end { ranks[order[position]] = rank }
        tieSizes.append(end - start)
        start = end
    }
    return (ranks, tieSizes)
}

/// Σ(t³ − t) over tie groups: the tie-correction term of rank tests.
func tieTerm(_ tieSizes: [Int]) -> Double {
    tieSizes.reduce(0.0) { sum, t in sum + Double(t) * Double(t) * Double(t) - Double(t) }
}
