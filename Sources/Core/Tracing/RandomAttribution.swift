// RandomAttribution: the random baseline every method must beat: independent uniform scores from a seeded generator.

/// Random attribution: score_i ~ U[0, 1), independently, from the caller's seeded generator
/// (same seed, same scores). Ties have probability ≈ n² / 2²⁴ and are broken like any other
/// (lower index first).
public struct RandomAttribution: Sendable {
    public var id: MethodID { .random }

    public init() {}

    public func attribute(tokens n: Int, generator: inout SplitMix64) -> Attribution {
        Attribution(scores: (0..<n).map { _ in generator.nextUnitFloat() })
    }
}
