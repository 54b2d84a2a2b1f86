// ProcessRunner: runs an external tool (pip, tar, python3) and turns a failure into an AtlasError.
import Core
import Foundation

struct ProcessRunner: Sendable {
    /// Runs `tool` (looked up on PATH through /usr/bin/env) with `arguments`; its output goes to
    /// the terminal. Throws when it cannot start or exits non-zero.
    func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        do {
            try process.run()
        } catch {
            throw AtlasError(source: tool, message: "cannot start: \(error)", hint: "install \(tool)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let shown = arguments.map { $0.contains("\n") ? "<script>" : $0 }.joined(separator: " ")
            throw AtlasError(source: tool, message: "`\(tool) \(shown)` failed with exit status \(process.terminationStatus)")
        }
    }
}
