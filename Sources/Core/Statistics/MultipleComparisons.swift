// MultipleComparisons: Holm and Benjamini–Hochberg adjusted p-values.

/// Holm's step-down adjustment (Holm 1979), controlling the family-wise error rate. With p₍₁₎ ≤ … ≤ p₍ₘ₎:
/// ```
/// p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1) p₍ⱼ₎)
/// ```
/// Returned in the input order (statsmodels `multipletests(method='holm')`). Ties keep their input order.
/// Precondition: every p in [0, 1].
public func holmAdjusted(_ pValues: [Double]) -> [Double] {
    let (m, order) = ascendingOrder(pValues)
    var adjusted = [Double](repeating: 0, count: m)
    var running = 0.0
    for (rank, index) in order.enumerated() {
        running = max(running, min(1, Double(m - rank) * pValues[index]))
        adjusted[index] = running
    }
    return adjusted
}

/// Benjamini–Hochberg step-up adjustment (Benjamini & Hochberg 1995), controlling the false discovery rate:
/// ```
/// p̃₍ᵢ₎ = min_{j ≥ i} min(1, m p₍ⱼ₎ / j)
/// ```
/// Returned in the input order (scipy `false_discovery_control(ps, method='bh')`). Precondition: p in [0, 1].
public func benjaminiHochbergAdjusted(_ pValues: [Double]) -> [Double] {
    let (m, order) = ascendingOrder(pValues)
    var adjusted = [Double](repeating: 0, count: m)
    var running = 1.0
    for rank in stride(from: m - 1, through: 0, by: -1) {
        let index = order[rank]
        running = min(running, min(1, Double(m) * pValues[index] / Double(rank + 1)))
        adjusted[index] = running
    }
    return adjusted
}

/// The family size and the indices of `pValues` in ascending order (ties in input order).
private func ascendingOrder(_ pValues: [Double]) -> (count: Int, order: [Int]) {
    precondition(pValues.allSatisfy { $0 >= 0 && $0 <= 1 }, "p-values must lie in [0, 1]")
    return (pValues.count, pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) })
}

/// Holm over the p-values that exist; nil stays nil (a comparison without a test is not part of the family).
public func holmAdjusted(_ pValues: [Double?]) -> [Double?] {
    let tested = pValues.indices.filter { pValues[$0] != nil }
    var adjusted = [Double?](repeating: nil, count: pValues.count)
    for (k, p) in zip(tested, holmAdjusted(tested.map { pValues[$0]! })) { adjusted[k] = p }
    return adjusted
}
