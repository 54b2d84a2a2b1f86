// PipelineRunnerTests: skipping unchanged steps, redoing forced ones, wrapping failures with the step name.
import Foundation
import Testing
import Core
@testable import Generator

@Suite struct PipelineRunnerTests {
    struct Context { var config = "a"; var log: [String] = []; var restored: [String] = [] }

    struct Recording: Step {
        var name: String
        var failure: (any Error & Sendable)?
        func cacheKey(_ context: Context) throws -> CacheKey? {
            var key = CacheKey.Builder()
            key.add("config", context.config)
            key.add("code", "v1")
            return key.build()
        }
        func run(_ context: inout Context, progress: ProgressMeter) throws {
            if let failure { throw failure }
            progress.setTotal(3)
            progress.advance(by: 3)
            context.log.append(name)
        }
        func restore(_ context: inout Context) throws { context.restored.append(name) }
    }

    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        var all: String { lock.withLock { text } }
        func output() -> TerminalOutput { TerminalOutput(isInteractive: false) { line in self.lock.withLock { self.text += line } } }
    }

    @Test func unchangedStepsAreSkippedAndForcedOnesRedone() throws {
        let cache = try SiteFixture.temporaryFolder("cache")
        let steps: [any Step<Context>] = [Recording(name: "data"), Recording(name: "render")]
        let lines = Lines()
        var context = Context()
        let first = try PipelineRunner(cacheFolder: cache, output: lines.output()).run(steps, context: &context)
        #expect(first == [.ran(items: 3), .ran(items: 3)])
        #expect(lines.all.contains("[1/2] data\n") && lines.all.contains("[2/2] render\n"))
        #expect(lines.all.contains("3 items"))

        var second = Context()
        let outcomes = try PipelineRunner(cacheFolder: cache, forced: ["render"], output: .silent).run(steps, context: &second)
        #expect(outcomes == [.skipped, .ran(items: 3)])
        #expect(second.log == ["render"])
        #expect(second.restored == ["data"])

        var changed = Context(config: "b")
        let rerun = try PipelineRunner(cacheFolder: cache, output: .silent).run(steps, context: &changed)
        #expect(rerun == [.ran(items: 3), .ran(items: 3)])
    }

    @Test func failuresCarryTheStepName() throws {
        let cache = try SiteFixture.temporaryFolder("cache")
        let problem = AtlasError(source: "corpus.txt", line: 3, message: "bad line")
        let steps: [any Step<Context>] = [Recording(name: "data"), Recording(name: "trace", failure: problem), Recording(name: "render")]
        var context = Context()
        do {
            try PipelineRunner(cacheFolder: cache, output: .silent).run(steps, context: &context)
            Issue.record("expected a failure")
        } catch let error as PipelineError {
            #expect(error.step == "trace")
            #expect((error.underlying as? AtlasError)?.step == "trace")
            #expect(error.description.hasPrefix("[trace] corpus.txt:3: bad line"))
        }
        #expect(context.log == ["data"])
        // The failed step stored no key, so it runs again next time.
        var again = Context()
        let outcomes = try PipelineRunner(cacheFolder: cache, output: .silent).run([Recording(name: "trace")], context: &again)
        #expect(outcomes == [.ran(items: 3)])
    }
}
