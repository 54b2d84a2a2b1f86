// SiteWriterTests: the whole-site swap, and the previous site surviving a failed build.
import Foundation
import Testing
@testable import Generator

@Suite struct SiteWriterTests {
    struct Interrupted: Error {}

    @Test func aFailedBuildLeavesThePreviousSiteUntouched() async throws {
        let output = try SiteFixture.temporaryFolder()
        try SiteWriter.writeSite(to: output) { try $0.write("old", to: "index.html"); try $0.write("old page", to: "a/b.html") }
        let renderer = try await SiteFixture.renderer()
        #expect(throws: Interrupted.self) {
            try SiteWriter.writeSite(to: output) { writer in
                try renderer.render(.fixture(), to: writer)
                throw Interrupted()
            }
        }
        #expect(try SiteFixture.read(output, "index.html") == "old")
        #expect(try SiteFixture.read(output, "a/b.html") == "old page")
        #expect(try SiteChecker.listFiles(output.path) == ["a/b.html", "index.html"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(leftovers == ["site"], "staging folders left behind: \(leftovers)")
    }

    @Test func commitReplacesTheWholeSite() throws {
        let output = try SiteFixture.temporaryFolder()
        try SiteWriter.writeSite(to: output) { try $0.write("old", to: "index.html"); try $0.write("stale", to: "gone.html") }
        try SiteWriter.writeSite(to: output) { try $0.write("new", to: "index.html") }
        #expect(try SiteFixture.read(output, "index.html") == "new")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("gone.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path) == ["site"])
    }

    @Test(arguments: ["../x.html", "/etc/passwd", "a/../../x", "a//b", "", "a/./b", "bad\u{0}name", "new\nline.html"])
    func unsafePathsAreRefused(path: String) throws {
        let output = try SiteFixture.temporaryFolder()
        let writer = try SiteWriter(output: output)
        defer { writer.discard() }
        #expect(throws: SiteWriterError.self) { try writer.write("x", to: path) }
    }
}
