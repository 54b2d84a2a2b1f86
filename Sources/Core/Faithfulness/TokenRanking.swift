// TokenRanking: tokens ordered by score with deterministic tie-breaking, and the ERASER bin sizes.

/// Token indices ordered by descending score. Ties are broken by the lower index first (a stable
/// order), and NaN scores rank below every number, so the same scores always give the same order.
public func rankTokens(by scores: [Float]) -> [Int] {
    scores.indices.sorted { a, b in
        let x = scores[a], y = scores[b]
        if x.isNaN || y.isNaN { return !x.isNaN && y.isNaN || (x.isNaN && y.isNaN && a < b) }
        return x > y || (x == y && a < b)
    }
}

/// The indices of the `count` highest-scoring tokens (`rankTokens` order, ties to the lower index).
public func topTokens(by scores: [Float], count: Int) -> [Int] {
    Array(rankTokens(by: scores).prefix(count))
}

/// The ERASER bins (DeYoung et al. 2020): fractions of the tokens to delete or keep.
public struct FaithfulnessBins: Codable, Equatable, Sendable {
    public var fractions: [Double]

    public init(fractions: [Double] = [0.01, 0.05, 0.10, 0.20, 0.50]) {
        precondition(!fractions.isEmpty && fractions.allSatisfy { $0 > 0 && $0 <= 1 },
                     "bin fractions must lie in (0, 1], got \(fractions)")
        self.fractions = fractions
    }

    /// k = max(1, ⌊fraction · n⌋): the number of top tokens in a bin (at least one token).
    public func tokenCount(fraction: Double, tokens n: Int) -> Int {
        min(n, max(1, Int((fraction * Double(n)).rounded(.down))))
    }

    public func tokenCounts(tokens n: Int) -> [Int] {
        fractions.map { tokenCount(fraction: $0, tokens: n) }
    }
}
