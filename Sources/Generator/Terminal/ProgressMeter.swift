// ProgressMeter: counted work with rate and ETA; a redrawn bar on a terminal, periodic plain lines otherwise.
import Foundation

/// Where progress and summaries go. `isInteractive` selects the redrawn bar (a TTY) over plain lines.
public struct TerminalOutput: Sendable {
    public var isInteractive: Bool
    public var write: @Sendable (String) -> Void

    public init(isInteractive: Bool, write: @escaping @Sendable (String) -> Void) {
        self.isInteractive = isInteractive
        self.write = write
    }

    /// Standard output; interactive when it is a terminal (`isatty(fileno(stdout))`).
    public static func standardOutput() -> TerminalOutput {
        TerminalOutput(isInteractive: isatty(STDOUT_FILENO) != 0) { text in
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// The same destination with `prefix` before every line, never redrawing one (two trainings side by side
    /// write to the same terminal, so neither may use `\r`).
    public func prefixingLines(with prefix: String) -> TerminalOutput {
        let write = self.write
        return TerminalOutput(isInteractive: false) { text in
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            write(lines.enumerated().map { i, line in
                line.isEmpty || (i == lines.count - 1 && line.isEmpty) ? String(line) : prefix + line
            }.joined(separator: "\n"))
        }
    }

    /// Discards everything (tests, quiet runs).
    public static let silent = TerminalOutput(isInteractive: false) { _ in }
}

/// A thread-safe counter of done items out of `total` (0 = unknown), reporting rate and ETA.
///
/// On a terminal it redraws one line (`\r`) at most every 0.1 s; otherwise it prints a plain line at most every
/// `plainInterval` seconds. `advance` may be called from worker threads.
public final class ProgressMeter: @unchecked Sendable {
    public let label: String
    private let output: TerminalOutput
    private let clock: @Sendable () -> Double
    private let plainInterval: Double
    private let lock = NSLock()
    private var total: Int
    private var done = 0
    private let start: Double
    private var lastReport: Double
    private var hasDrawn = false

    public init(label: String, total: Int = 0, output: TerminalOutput, plainInterval: Double = 5,
                clock: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }) {
        self.label = label
        self.total = total
        self.output = output
        self.clock = clock
        self.plainInterval = plainInterval
        start = clock()
        lastReport = start
    }

    public var completed: Int { lock.withLock { done } }
    public var elapsed: Double { clock() - start }

    public func setTotal(_ total: Int) { lock.withLock { self.total = total } }

    /// Adds work to the total (a step that learns its size part by part, e.g. one corpus at a time).
    public func addToTotal(_ count: Int) { lock.withLock { total += count } }

    public func advance(by count: Int = 1) {
        let line: String? = lock.withLock {
            done += count
            let now = clock()
            let interval = output.isInteractive ? 0.1 : plainInterval
            guard now - lastReport >= interval else { return nil }
            lastReport = now
            hasDrawn = true
            return output.isInteractive ? "\r\u{1B}[2K" + statusLine(now: now, bar: true) : statusLine(now: now, bar: false) + "\n"
        }
        if let line { output.write(line) }
    }

    /// Clears the bar (on a terminal) so that the summary can take its line.
    public func finish() {
        let clear = lock.withLock { output.isInteractive && hasDrawn }
        if clear { output.write("\r\u{1B}[2K") }
    }

    /// `label  [#####-----]  120/3210  45.0/s  ETA 1m08s`
    func statusLine(now: Double, bar: Bool) -> String {
        let seconds = max(now - start, 1e-9)
        let rate = Double(done) / seconds
        var text = "  \(label)"
        if total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            if bar {
                let filled = Int((fraction * 24).rounded())
                text += "  [" + String(repeating: "#", count: filled) + String(repeating: "-", count: 24 - filled) + "]"
            }
            text += "  \(done)/\(total)"
        } else {
            text += "  \(done)"
        }
        text += "  " + Self.rate(rate)
        if total > 0, rate > 0, done < total {
            text += "  ETA " + Self.duration(Double(total - done) / rate)
        }
        return text
    }

    static func rate(_ perSecond: Double) -> String {
        perSecond >= 100 ? String(format: "%.0f/s", perSecond) : String(format: "%.1f/s", perSecond)
    }

    /// "0.42s", "12.3s", "3m05s", "1h02m".
    public static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return String(format: "%.2fs", seconds) }
        if seconds < 60 { return String(format: "%.1fs", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return String(format: "%dm%02ds", whole / 60, whole % 60) }
        return String(format: "%dh%02dm", whole / 3600, (whole % 3600) / 60)
    }
}
