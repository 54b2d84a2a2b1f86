// ParallelJobsTests: every job runs, and the first failure by index is rethrown.
import Testing
@testable import Generator

@Suite struct ParallelJobsTests {
    struct Failure: Error, Equatable { var index: Int }

    @Test(arguments: [1, 2, 3])
    func everyJobRunsAndTheFirstFailureByIndexIsRethrown(threads: Int) {
        let ran = LockedSlots(count: 10, initial: false)
        let jobs: [@Sendable () throws -> Void] = (0..<10).map { index in
            {
                ran.set(true, at: index)
                if index == 7 || index == 4 { throw Failure(index: index) }
            }
        }
        #expect(throws: Failure(index: 4)) { try runInParallel(jobs, threads: threads, progress: nil) }
        #expect(ran.values == Array(repeating: true, count: 10))
    }
}
