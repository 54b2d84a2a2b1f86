// CoreShare: the machine's cores divided among the trainings that run side by side.
import Foundation

/// Each of the `running` trainings may use `total / running` threads (at least 1). A training asks before every
/// step (`Trainer.threadsForStep`), so when one finishes and nothing is left to start, the one still running picks
/// up the freed core at its next step. Training gives the same bytes at any thread count, so sharing changes
/// only the time.
final class CoreShare: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var running = 0

    init(cores: Int) { total = max(1, cores) }

    func join() { lock.withLock { running += 1 } }
    func leave() { lock.withLock { running -= 1 } }
    func threads() -> Int { lock.withLock { max(1, total / max(1, running)) } }
}
