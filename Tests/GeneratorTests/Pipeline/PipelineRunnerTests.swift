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

    /// A step with a key only once its artifact exists (as the train step's): nil before its first run.
    struct MakesArtifact: Step {
        var name: String { "train" }
        var artifact: URL
        func cacheKey(_ context: Context) throws -> CacheKey? {
            guard FileManager.default.fileExists(atPath: artifact.path) else { return nil }
            var key = CacheKey.Builder()
            key.add("config", context.config)
            return key.build()
        }
        func run(_ context: inout Context, progress: ProgressMeter) throws {
            try Data("model".utf8).write(to: artifact)
            context.log.append(name)
        }
    }

    @Test func aStepThatMadeItsArtifactIsSkippedByTheVeryNextBuild() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: cache) }
        let step = MakesArtifact(artifact: cache.appendingPathComponent("model.bin"))
        var context = Context()
        #expect(try PipelineRunner(cacheFolder: cache, output: .silent).run([step], context: &context) == [.ran(items: 0)])
        var again = Context()
        #expect(try PipelineRunner(cacheFolder: cache, output: .silent).run([step], context: &again) == [.skipped])
        #expect(again.log.isEmpty)
    }

    @Test func stepTimesAreTabulatedAtTheEnd() {
        // Names padded to the longest ("faithfulness", 12 characters); durations as the progress lines print them
        // (3.021 → "3.02s", 65.4 → "1m05s"); the total is their sum, 68.421 → "1m08s".
        let table = PipelineRunner.timeTable([("data", 3.021), ("faithfulness", 65.4), ("check", 0)],
                                             outcomes: [.ran(items: 5), .ran(items: 0), .skipped])
        #expect(table == """
            step times
              data          3.02s
              faithfulness  1m05s
              check         0.00s (unchanged)
              total         1m08s

            """)
    }
}
