// Parallel: splits an index range over a few threads (the machine has two cores).
import Dispatch

/// Runs `body(chunk, start, end)` on `threads` contiguous, nearly equal chunks of `0..<count`, in parallel.
///
/// With `threads <= 1` (or a single chunk) it runs inline on the caller's thread, so results
/// never depend on the thread count when `body` writes disjoint outputs per index. `chunk`
/// (0..<threads) lets a body use per-thread scratch memory.
@inline(__always)
public func parallelChunks(_ count: Int, threads: Int, _ body: (_ chunk: Int, _ start: Int, _ end: Int) -> Void) {
    let chunks = min(max(1, threads), count)
    if chunks <= 1 {
        if count > 0 { body(0, 0, count) }
        return
    }
    withoutActuallyEscaping(body) { body in
        let box = UncheckedSendable(body)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = count * chunk / chunks
            let end = count * (chunk + 1) / chunks
            box.value(chunk, start, end)
        }
    }
}

/// Wraps a value the caller promises to use race-free (disjoint writes per thread).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
