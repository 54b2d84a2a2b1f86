// DataFetcherTests: extraction from local .tar.gz and .whl archives with hash checks, and the skip when present.
import Core
import Foundation
import Testing
import ZIPFoundation
@testable import Generator

@Suite struct DataFetcherTests {
    static let content = "word\trank\thapps\tstddev\n"

    /// A folder with `pkg-1.0/data/lex.txt` packed as pkg-1.0.tar.gz (by /bin/tar) and pkg.whl (by ZIPFoundation).
    static func archives() throws -> (folder: URL, tar: URL, wheel: URL) {
        let folder = try DataTestSupport.temporaryFolder()
        let staging = folder.appendingPathComponent("staging")
        try DataTestSupport.write(content, to: staging.appendingPathComponent("pkg-1.0/data/lex.txt"))
        let tar = folder.appendingPathComponent("pkg-1.0.tar.gz")
        try ProcessRunner().run("tar", ["-czf", tar.path, "-C", staging.path, "pkg-1.0"])
        let wheel = folder.appendingPathComponent("pkg.whl")
        let zip = try Archive(url: wheel, accessMode: .create)
        try DataTestSupport.write(content, to: staging.appendingPathComponent("pkg/data/lex.txt"))
        try zip.addEntry(with: "pkg/data/lex.txt", relativeTo: staging)
        return (folder, tar, wheel)
    }

    static let source = DataSource(name: "toy", title: "Toy", format: "text", licence: "l", citation: "c",
                                   url: "https://example.org", obtain: "run it", optional: nil, package: nil, files: [])

    @Test(arguments: ["tar", "wheel"])
    func extractsOnlyTheMemberAndVerifiesIt(kind: String) throws {
        let (folder, tar, wheel) = try Self.archives()
        let cache = folder.appendingPathComponent("cache")
        var lines: [String] = []
        let fetcher = DataFetcher(manifest: DataManifest(sources: []), cache: cache) { lines.append($0) }
        let member = kind == "tar" ? "pkg-1.0/data/lex.txt" : "pkg/data/lex.txt"
        let file = DataFile(path: "lexicons/toy/lex.txt", sha256: FileHashing.sha256(of: Array(Self.content.utf8)), member: member)
        try fetcher.extract(file, of: Self.source, from: kind == "tar" ? tar : wheel)
        let target = cache.appendingPathComponent(file.path)
        #expect(try String(contentsOf: target, encoding: .utf8) == Self.content)
        #expect(lines == ["extract  lexicons/toy/lex.txt"])
        try fetcher.extract(file, of: Self.source, from: kind == "tar" ? tar : wheel)
        #expect(lines.last == "ok       lexicons/toy/lex.txt")
    }

    @Test func extractedFileWithWrongHashIsAnError() throws {
        let (folder, tar, _) = try Self.archives()
        let cache = folder.appendingPathComponent("cache")
        let fetcher = DataFetcher(manifest: DataManifest(sources: []), cache: cache) { _ in }
        let file = DataFile(path: "lex.txt", sha256: String(repeating: "a", count: 64), member: "pkg-1.0/data/lex.txt")
        let path = cache.appendingPathComponent("lex.txt").path
        #expect(throws: AtlasError(source: path, message: "checksum mismatch: expected SHA-256 \(file.sha256), found \(FileHashing.sha256(of: Array(Self.content.utf8)))",
                                   hint: "the file is damaged or a different version; delete it and obtain it again (see corpora/README.md)")) {
            try fetcher.extract(file, of: Self.source, from: tar)
        }
    }

    @Test func archiveAlreadyPresentIsNotDownloadedAgain() throws {
        let (folder, tar, _) = try Self.archives()
        let cache = folder.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: cache.appendingPathComponent("pip"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: tar, to: cache.appendingPathComponent("pip/pkg-1.0.tar.gz"))
        var lines: [String] = []
        let fetcher = DataFetcher(manifest: DataManifest(sources: []), cache: cache) { lines.append($0) }
        let package = RegistryPackage(registry: "pypi", name: "pkg", version: "1.0", archive: "pkg-1.0.tar.gz",
                                      sha256: try FileHashing.sha256(of: tar))
        #expect(try fetcher.fetchArchive(package) == cache.appendingPathComponent("pip/pkg-1.0.tar.gz"))
        #expect(lines == ["ok       pkg==1.0 (already downloaded)"])
    }
}
