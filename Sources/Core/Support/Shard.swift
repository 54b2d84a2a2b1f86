// Shard: one of N parts of a list of work items, dealt round-robin — the unit a sharded build hands to one task.

/// Part `index` of `count` (0-based, as Slurm's `$SLURM_ARRAY_TASK_ID` and Kubernetes' `$JOB_COMPLETION_INDEX`
/// count) of any list of work items: item `k` belongs to shard `k mod count`. Dealing round-robin rather than in
/// contiguous ranges spreads a list sorted by cost (the tracer's batches go shortest first) evenly over the shards.
/// Which items a shard gets never changes what is computed for them, so the shards' results put back together
/// are the results of the whole list.
public struct Shard: Hashable, Sendable, Codable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (0..<count).contains(index), "shard \(index)/\(count)")
        self.index = index
        self.count = count
    }

    /// Everything: the one shard of an unsharded build.
    public static let whole = Shard(index: 0, count: 1)

    /// "2/3" → shard 2 of 3; nil for anything else (an index outside 0..<count, a count below 1).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
              count >= 1, (0..<count).contains(index) else { return nil }
        self.init(index: index, count: count)
    }

    /// Whether item `position` of the list is this shard's.
    public func owns(_ position: Int) -> Bool { position % count == index }

    /// The positions of `items` that are this shard's, in order.
    public func positions<C: Collection>(of items: C) -> [Int] {
        (0..<items.count).filter(owns)
    }

    public var description: String { "\(index)/\(count)" }
}
