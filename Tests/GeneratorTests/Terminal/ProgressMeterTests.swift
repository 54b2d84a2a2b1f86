// ProgressMeterTests: plain lines and the redrawn bar, rate and ETA, counting from many threads.
import Foundation
import Testing
@testable import Generator

@Suite struct ProgressMeterTests {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var now = 0.0
        func advance(_ seconds: Double) { lock.withLock { now += seconds } }
        var time: Double { lock.withLock { now } }
    }
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func append(_ text: String) { lock.withLock { items.append(text) } }
        var all: [String] { lock.withLock { items } }
    }

    @Test func plainOutputPrintsPeriodicLinesWithRateAndETA() {
        let clock = Clock(), lines = Lines()
        let progress = ProgressMeter(label: "render", total: 100, output: TerminalOutput(isInteractive: false) { lines.append($0) },
                                plainInterval: 5, clock: { clock.time })
        for _ in 0..<10 { clock.advance(1); progress.advance(by: 5) }
        #expect(lines.all == ["  render  25/100  5.0/s  ETA 15.0s\n", "  render  50/100  5.0/s  ETA 10.0s\n"])
        #expect(progress.completed == 50)
    }

    @Test func terminalOutputRedrawsABar() {
        let clock = Clock(), lines = Lines()
        let progress = ProgressMeter(label: "trace", total: 10, output: TerminalOutput(isInteractive: true) { lines.append($0) },
                                clock: { clock.time })
        clock.advance(1)
        progress.advance(by: 5)
        progress.finish()
        #expect(lines.all.first == "\r\u{1B}[2K  trace  [############------------]  5/10  5.0/s  ETA 1.00s")
        #expect(lines.all.last == "\r\u{1B}[2K")
    }

    @Test func countsFromManyThreadsAddUp() {
        let progress = ProgressMeter(label: "x", total: 4000, output: .silent)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in for _ in 0..<1000 { progress.advance() } }
        #expect(progress.completed == 4000)
    }

    @Test func durationsReadNaturally() {
        #expect(ProgressMeter.duration(0.4213) == "0.42s")
        #expect(ProgressMeter.duration(12.34) == "12.3s")
        #expect(ProgressMeter.duration(185) == "3m05s")
        #expect(ProgressMeter.duration(3720) == "1h02m")
    }
}
