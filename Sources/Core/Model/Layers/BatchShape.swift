// BatchShape: B sequences padded to length T, with each sequence's real length (the key-padding mask).

/// The shape of a padded batch: `batchSize` (B) rows of `length` (T) positions; sequence b has
/// `lengths[b]` real tokens followed by padding. Row index of (b, t) in a [B·T, C] buffer is b·T + t.
struct BatchShape: Sendable {
    let batchSize: Int
    let length: Int
    let lengths: [Int]

    init(batchSize: Int, length: Int, lengths: [Int]) {
        precondition(lengths.count == batchSize, "\(lengths.count) lengths for batch size \(batchSize)")
        precondition(lengths.allSatisfy { $0 >= 1 && $0 <= length },
                     "every length must be in 1...\(length), got \(lengths)")
        self.batchSize = batchSize
        self.length = length
        self.lengths = lengths
    }

    var rows: Int { batchSize * length }
}
