// SiteFixture: renders fixture contents into temporary folders for the site tests.
import Foundation
@testable import Generator

enum SiteFixture {
    /// The repository's Templates/ folder, found from this file's path.
    static let templates: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates")

    /// The repository's git-ignored `.build/artifacts/` folder for screenshots.
    static let artifacts: URL = templates.deletingLastPathComponent().appendingPathComponent(".build/artifacts")

    static func temporaryFolder(_ name: String = "site") throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("atlas-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }

    static func renderer() async throws -> SiteRenderer {
        try await SiteRenderer(templatesDirectory: templates)
    }

    /// Renders `content` (plus placeholder data files for its downloads) into a fresh folder and returns it.
    static func render(_ content: SiteContent, threads: Int = 2) async throws -> URL {
        let output = try temporaryFolder()
        let renderer = try await renderer()
        try SiteWriter.writeSite(to: output) { writer in
            try renderer.render(content, to: writer, threads: threads)
            for download in content.downloads { try writer.write("{}\n", to: download.path) }
        }
        return output
    }

    static func read(_ site: URL, _ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }
}
