// SiteWriter: writes a whole site into a temporary folder next to the output, then swaps it in at once.
import Foundation

/// Collects a site's files and replaces the output folder only when everything was written.
///
/// Files go to `<output>.tmp-<pid>-<n>` beside the output. `commit()` renames the old site aside, renames the new
/// one into place and only then deletes the old one; `discard()` (or a failure before `commit`) deletes the
/// temporary folder and leaves the previous site untouched. Paths are relative to the site root and may not
/// escape it. Safe to call `write` from several threads.
public final class SiteWriter: @unchecked Sendable {
    public let output: URL
    public let staging: URL
    private let lock = NSLock()
    private var writtenPaths: [String] = []
    private var madeFolders: Set<String> = []
    private var isFinished = false

    /// Creates the staging folder. - Parameter output: the site folder (need not exist yet).
    public init(output: URL) throws {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        var attempt = 0
        var candidate: URL
        repeat {
            candidate = parent.appendingPathComponent(".\(self.output.lastPathComponent).tmp-\(getpid())-\(attempt)")
            attempt += 1
        } while FileManager.default.fileExists(atPath: candidate.path)
        staging = candidate
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Every path written so far, in order.
    public var paths: [String] { lock.withLock { writtenPaths } }

    public func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    public func write(_ data: Data, to path: String) throws {
        try Self.validate(path)
        let url = staging.appendingPathComponent(path)
        let folder = url.deletingLastPathComponent().path
        let needsFolder = lock.withLock { () -> Bool in
            precondition(!isFinished, "SiteWriter used after commit or discard")
            return !madeFolders.contains(folder)
        }
        if needsFolder {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            lock.withLock { _ = madeFolders.insert(folder) }
        }
        try data.write(to: url)
        lock.withLock { writtenPaths.append(path) }
    }

    /// Copies every file under `folder` to `prefix/…` (e.g. the template assets).
    public func copyFolder(_ folder: URL, to prefix: String) throws {
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return }
        var files: [String] = []
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(relative)
            }
        }
        for relative in files.sorted() {
            try write(try Data(contentsOf: URL(fileURLWithPath: base + "/" + relative)), to: prefix + "/" + relative)
        }
    }

    /// Swaps the new site in. The old one is moved aside first and deleted only after the new one is in place.
    public func commit() throws {
        lock.withLock { isFinished = true }
        let manager = FileManager.default
        let backup = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + ".old")
        let hadOld = manager.fileExists(atPath: output.path)
        if hadOld { try manager.moveItem(at: output, to: backup) }
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            if hadOld { try? manager.moveItem(at: backup, to: output) }
            throw error
        }
        if hadOld { try? manager.removeItem(at: backup) }
    }

    /// Deletes the staging folder; the output is left as it was.
    public func discard() {
        lock.withLock { isFinished = true }
        try? FileManager.default.removeItem(at: staging)
    }

    /// Runs `body` with a fresh writer and commits; if `body` throws, discards and rethrows.
    public static func writeSite(to output: URL, _ body: (SiteWriter) throws -> Void) throws {
        let writer = try SiteWriter(output: output)
        do {
            try body(writer)
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    /// A relative path made of non-empty components, none of them `.` or `..`, without control characters.
    static func validate(_ path: String) throws {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        let isBad = path.isEmpty || path.hasPrefix("/") || components.contains { $0.isEmpty || $0 == "." || $0 == ".." }
            || path.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f || $0 == "\\" }
        if isBad {
            throw SiteWriterError(path: path, message: "unsafe path in the site (must be relative, without '..', empty parts or control characters)")
        }
    }
}

public struct SiteWriterError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
