// OrderedSlots: a fixed array of results filled from several worker threads, read back in input order.
import Foundation

/// Each index is written once, from any thread; `values()` is read after every worker has finished.
public final class OrderedSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()
    public init(count: Int) { slots = Array(repeating: nil, count: count) }
    public func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }
    public func values() -> [Value] { lock.withLock { slots.map { $0! } } }
    /// The slots that were written, with their indices, in index order (a shard fills only its own).
    public func written() -> [(index: Int, value: Value)] {
        lock.withLock { slots.enumerated().compactMap { index, value in value.map { (index, $0) } } }
    }
}
