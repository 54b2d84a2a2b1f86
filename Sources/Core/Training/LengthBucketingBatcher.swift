// LengthBucketingBatcher: groups examples of similar length into batches so padding nearly vanishes.

/// Seeded length bucketing, as a competent data loader does:
/// 1. shuffle the example indices;
/// 2. cut them into chunks of `batchSize × chunkBatches` and sort each chunk by length;
/// 3. cut each sorted chunk into batches of `batchSize`;
/// 4. shuffle the order of all batches.
/// Same seed, same batches. Sequences longer than `maxLength` are cut to it.
public struct LengthBucketingBatcher: Sendable {
    public var batchSize: Int
    public var chunkBatches: Int
    public var maxLength: Int

    public init(batchSize: Int, chunkBatches: Int = 50, maxLength: Int = 128) {
        precondition(batchSize >= 1 && chunkBatches >= 1 && maxLength >= 1)
        self.batchSize = batchSize
        self.chunkBatches = chunkBatches
        self.maxLength = maxLength
    }

    /// One epoch of batches, each a list of indices into `lengths`.
    public func epoch(lengths: [Int], rng: inout SplitMix64) -> [[Int]] {
        var order = Array(lengths.indices)
        order.shuffle(using: &rng)
        var batches: [[Int]] = []
        let chunkSize = batchSize * chunkBatches
        var start = 0
        while start < order.count {
            let chunk = order[start..<min(order.count, start + chunkSize)].sorted {
                (lengths[$0], $0) < (lengths[$1], $1)
            }
            var i = 0
            while i < chunk.count {
                batches.append(Array(chunk[i..<min(chunk.count, i + batchSize)]))
                i += batchSize
            }
            start += chunkSize
        }
        batches.shuffle(using: &rng)
        return batches
    }

    /// Evaluation batches: all examples sorted by length (no randomness), cut into batches.
    public func sorted(lengths: [Int]) -> [[Int]] {
        let order = lengths.indices.sorted { (lengths[$0], $0) < (lengths[$1], $1) }
        return stride(from: 0, to: order.count, by: batchSize).map { Array(order[$0..<min(order.count, $0 + batchSize)]) }
    }

    /// The padded batch and targets of `indices`.
    public func makeBatch(_ examples: [TrainingExample], indices: [Int]) -> (batch: TokenBatch, targets: [TrainingTarget]) {
        let sequences = indices.map { Array(examples[$0].ids.prefix(maxLength)) }
        return (TokenBatch(padding: sequences), indices.map { examples[$0].target })
    }
}
