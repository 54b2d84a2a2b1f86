// KendallTau: Kendall's rank correlation τ-b, the agreement of two methods' token rankings within a sentence.

/// Kendall's τ-b = (C − D) / √((n₀ − n₁)(n₀ − n₂)), over the n₀ = n(n − 1)/2 pairs of positions: C pairs
/// ordered the same way by x and y, D ordered oppositely, n₁ pairs tied in x, n₂ tied in y (a pair tied in
/// both counts in n₁ and n₂). Without ties it is Kendall's original τ; with them it is scipy's
/// `kendalltau(x, y, variant='b')`. O(n²) pairs: meant for one sentence's tokens (n ≤ a few hundred).
///
/// Worked case (the first test): x = [1, 2, 2, 3], y = [1, 3, 2, 2]. Pairs (i, j): (0,1) C, (0,2) C,
/// (0,3) C, (1,2) tied in x, (1,3) D, (2,3) tied in y: C − D = 2, n₀ = 6, n₁ = 1, n₂ = 1, τ-b = 2/5.
///
/// - Throws: `lengthMismatch`, `nonFiniteInput`, `tooFewObservations` (n < 2), `constantInput` (τ-b is
///   undefined when either ranking is constant; scipy returns NaN).
public func kendallTauB(_ x: [Double], _ y: [Double]) throws -> Double {
    try Check.rankablePairs(x, y, atLeast: 2)
    let n = x.count
    var score = 0, tiedX = 0, tiedY = 0
    for i in 0..<n {
        for j in (i + 1)..<n {
            let dx = x[i] - x[j], dy = y[i] - y[j]
            if dx == 0 { tiedX += 1 }
            if dy == 0 { tiedY += 1 }
            if dx != 0 && dy != 0 { score += (dx > 0) == (dy > 0) ? 1 : -1 }
        }
    }
    let pairs = n * (n - 1) / 2
    return Double(score) / (Double(pairs - tiedX) * Double(pairs - tiedY)).squareRoot()
}
