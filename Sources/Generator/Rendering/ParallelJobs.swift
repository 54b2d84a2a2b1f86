// ParallelJobs: runs independent jobs (pages to render, files to check) on a fixed number of threads.
import Dispatch
import Foundation

/// Runs `jobs` on `threads` workers, striped (worker w takes jobs w, w + threads, …) so the assignment is fixed;
/// every job runs even if another fails, and the error of the lowest-numbered failing job is rethrown.
func runInParallel(_ jobs: [@Sendable () throws -> Void], threads: Int, progress: ProgressMeter?) throws {
    let workers = max(1, min(threads, jobs.count))
    let errors = LockedSlots<(any Error)?>(count: jobs.count, initial: nil)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var index = worker
        while index < jobs.count {
            do { try jobs[index]() } catch { errors.set(error, at: index) }
            progress?.advance()
            index += workers
        }
    }
    if let error = errors.values.lazy.compactMap({ $0 }).first { throw error }
}

/// A fixed number of slots that worker threads fill by index.
final class LockedSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value]
    init(count: Int, initial: Value) { slots = Array(repeating: initial, count: count) }
    func set(_ value: Value, at index: Int) { lock.withLock { slots[index] = value } }
    var values: [Value] { lock.withLock { slots } }
}
