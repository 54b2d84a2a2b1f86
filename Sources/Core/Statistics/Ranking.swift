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

/// Dense integer keys for `values`: equal values share a key and keys increase with the value (0..<distinct).
/// Lets a bootstrap rank each resample by counting (O(n + distinct)) instead of sorting.
func denseRankKeys(_ values: [Double]) -> (keys: [Int], distinct: Int) {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var keys = [Int](repeating: 0, count: values.count)
    var key = -1
    var previous = -Double.infinity
    for (position, index) in order.enumerated() {
        if position == 0 || values[index] != previous { key += 1 }
        keys[index] = key
        previous = values[index]
    }
    return (keys, key + 1)
}

/// Average ranks of the resample `indices` of a variable with dense keys `keys`: equal to
/// `averageRanks(indices.map { values[$0] }).ranks`, computed by counting sort.
func averageRanks(keys: [Int], distinct: Int, indices: [Int]) -> [Double] {
    var counts = [Int](repeating: 0, count: distinct)
    for index in indices { counts[keys[index]] += 1 }
    var rankOfKey = [Double](repeating: 0, count: distinct)
    var below = 0
    for key in 0..<distinct {
        rankOfKey[key] = Double(below) + Double(counts[key] + 1) / 2
        below += counts[key]
    }
    return indices.map { rankOfKey[keys[$0]] }
}
