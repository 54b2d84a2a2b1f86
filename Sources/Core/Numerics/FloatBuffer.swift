// FloatBuffer: one owned, zero-initialised allocation of Float that kernels address by pointer.

/// A fixed-size, heap-allocated array of `Float` with a stable base address.
///
/// Used for parameter arenas and activation workspaces, where nested `withUnsafe…` closures over
/// several `[Float]` would be noisy. The owner decides copy semantics (see `copy()`).
final class FloatBuffer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int

    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: 0, count: max(1, count))
    }

    convenience init(_ scalars: [Float]) {
        self.init(count: scalars.count)
        scalars.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: scalars.count) }
    }

    deinit { pointer.deallocate() }

    func copy() -> FloatBuffer {
        let other = FloatBuffer(count: count)
        other.pointer.update(from: pointer, count: count)
        return other
    }

    func zero() { pointer.update(repeating: 0, count: count) }

    var array: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
