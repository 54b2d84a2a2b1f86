// PipelineRunner: runs steps in order, prints `[i/n] name` and a one-line summary, skips unchanged steps.
import Foundation

/// Runs a build's steps. For each: prints `[i/n] name`, compares the step's cache key with the one stored
/// under `cacheFolder/steps/<name>.key`, and either restores (unchanged, not forced) or runs it, timing it and
/// printing `  done in 1.23s · 3,210 items · 2,610/s`. The key is stored only after a successful run.
/// A failure is rethrown as `PipelineError` carrying the step's name.
public struct PipelineRunner: Sendable {
    public var cacheFolder: URL
    /// Names of steps to redo even when unchanged ("all" redoes every step).
    public var forced: Set<String>
    public var output: TerminalOutput

    public init(cacheFolder: URL, forced: Set<String> = [], output: TerminalOutput = .standardOutput()) {
        self.cacheFolder = cacheFolder
        self.forced = forced
        self.output = output
    }

    /// What happened to each step, in order.
    public enum Outcome: Equatable, Sendable {
        case ran(items: Int)
        case skipped
    }

    @discardableResult
    public func run<Context>(_ steps: [any Step<Context>], context: inout Context) throws -> [Outcome] {
        var outcomes: [Outcome] = [], times: [(name: String, seconds: Double)] = []
        for (index, step) in steps.enumerated() {
            let start = Date()
            outcomes.append(try runStep(step, index: index + 1, of: steps.count, context: &context))
            times.append((step.name, Date().timeIntervalSince(start)))
        }
        output.write(Self.timeTable(times, outcomes: outcomes))
        return outcomes
    }

    /// Each step's wall-clock time (key check and restore included), and the total: where a build's time went.
    static func timeTable(_ times: [(name: String, seconds: Double)], outcomes: [Outcome]) -> String {
        let width = max(5, times.map(\.name.count).max() ?? 0)
        func pad(_ text: String) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        var lines = ["step times"]
        for (time, outcome) in zip(times, outcomes) {
            lines.append("  \(pad(time.name))  \(ProgressMeter.duration(time.seconds))" + (outcome == .skipped ? " (unchanged)" : ""))
        }
        lines.append("  \(pad("total"))  \(ProgressMeter.duration(times.map(\.seconds).reduce(0, +)))")
        return lines.joined(separator: "\n") + "\n"
    }

    private func runStep<S: Step>(_ step: S, index: Int, of count: Int, context: inout S.Context) throws -> Outcome {
        output.write("[\(index)/\(count)] \(step.name)\n")
        do {
            let key = try step.cacheKey(context)
            let keyFile = cacheFolder.appendingPathComponent("steps")
                .appendingPathComponent(SitePaths.fileName(for: step.name) + ".key")
            let isForced = forced.contains(step.name) || forced.contains("all")
            if let key, !isForced, (try? String(contentsOf: keyFile, encoding: .utf8)) == key.hex {
                try step.restore(&context)
                output.write("  unchanged (key \(key)), skipped\n")
                return .skipped
            }
            try? FileManager.default.removeItem(at: keyFile)
            let progress = ProgressMeter(label: step.name, output: output)
            try step.run(&context, progress: progress)
            progress.finish()
            let seconds = progress.elapsed
            let items = progress.completed
            var summary = "  done in \(ProgressMeter.duration(seconds))"
            if items > 0 {
                summary += " · \(Formatting.count(items)) items · \(ProgressMeter.rate(Double(items) / max(seconds, 1e-9)))"
            }
            output.write(summary + "\n")
            // A step whose artifacts were missing had no key before it ran; its inputs are the same after, so the
            // key it has now is recorded and the next build skips it (instead of running it once more to find out).
            if let key = try key ?? step.cacheKey(context) {
                try FileManager.default.createDirectory(at: keyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(key.hex.utf8).write(to: keyFile, options: .atomic)
            }
            return .ran(items: items)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError(step: step.name, underlying: error)
        }
    }
}
