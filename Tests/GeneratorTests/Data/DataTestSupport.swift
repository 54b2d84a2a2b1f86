// DataTestSupport: temporary data folders, the package root and the real manifest for Generator data tests.
import Foundation
import Testing
@testable import Generator

enum DataTestSupport {
    /// The package root, from this file's path (Tests/GeneratorTests/Data/DataTestSupport.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func realManifest() throws -> DataManifest {
        try DataManifest.load(path: packageRoot.appendingPathComponent("corpora/manifest.yml").path)
    }

    /// A fresh empty folder under the system temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A locator whose only roots are `data` (as --data-dir) and `cache`, with no $ATLAS_DATA and a
    /// current directory where ../shared/corpora does not exist.
    static func locator(data: URL?, cache: URL) -> DataLocator {
        DataLocator(dataDirectory: data?.path, environment: [:], currentDirectory: URL(fileURLWithPath: "/nonexistent/dir"),
                    cacheDirectory: cache.path)
    }
}
