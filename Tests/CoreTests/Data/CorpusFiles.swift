// CorpusFiles: test helpers that find fixtures and the reference corpora beside the package.
import Foundation
import Testing
@testable import Core

enum CorpusFiles {
    /// The package root, from this file's path (Tests/CoreTests/Data/CorpusFiles.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$ATLAS_DATA` when set, else `../shared/corpora` beside the package.
    static var sharedCorpora: URL {
        if let data = ProcessInfo.processInfo.environment["ATLAS_DATA"], !data.isEmpty {
            return URL(fileURLWithPath: data)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")
    }

    /// Bytes of a reference corpus file; a missing file fails the test with the path tried.
    static func shared(_ path: String) throws -> [UInt8] {
        let url = sharedCorpora.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("reference corpus file missing: \(url.path) (see corpora/README.md)")
            throw CocoaError(.fileNoSuchFile)
        }
        return Array(data)
    }

    /// The real SST training split, parsed once for every test that needs it.
    static let sstTrain = Result { try SSTParser.parse(try shared("sst/train.txt"), source: "train.txt") }

    /// Bytes of `Fixtures/data/<name>`.
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/data/" + name, withExtension: nil))
        return Array(try Data(contentsOf: url))
    }
}
