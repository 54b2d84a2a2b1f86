// DataLocatorTests: the lookup order and the missing-file error.
import Core
import Foundation
import Testing
@testable import Generator

@Suite struct DataLocatorTests {
    static let source = DataSource(name: "toy", title: "Toy corpus", format: "text", licence: "none", citation: "none",
                                   url: "https://example.org/toy", obtain: "write it by hand", optional: nil,
                                   package: nil, files: [DataFile(path: "toy/a.txt", sha256: "00")])

    @Test func rootsInDocumentedOrder() {
        let locator = DataLocator(dataDirectory: "mine", environment: ["ATLAS_DATA": "/env/data"],
                                  currentDirectory: URL(fileURLWithPath: "/work/project"), cacheDirectory: "corpora/cache")
        #expect(locator.roots.map(\.origin) == ["--data-dir", "$ATLAS_DATA", "reference copies", "cache"])
        #expect(locator.roots.map(\.folder.path) == ["/work/project/mine", "/env/data", "/work/shared/corpora",
                                                     "/work/project/corpora/cache"])
        #expect(locator.cacheFolder.path == "/work/project/corpora/cache")
    }

    @Test func withoutOptionsOnlySharedAndCache() {
        let locator = DataLocator(dataDirectory: nil, environment: ["ATLAS_DATA": ""],
                                  currentDirectory: URL(fileURLWithPath: "/p"), cacheDirectory: "/c")
        #expect(locator.roots.map(\.folder.path) == ["/shared/corpora", "/c"])
    }

    @Test func firstExistingCopyWins() throws {
        let data = try DataTestSupport.temporaryFolder(), cache = try DataTestSupport.temporaryFolder()
        let file = Self.source.files[0]
        try DataTestSupport.write("cache", to: cache.appendingPathComponent(file.path))
        let locator = DataTestSupport.locator(data: data, cache: cache)
        #expect(try locator.locate(file, of: Self.source).standardizedFileURL == cache.appendingPathComponent(file.path).standardizedFileURL)
        try DataTestSupport.write("data", to: data.appendingPathComponent(file.path))
        #expect(try locator.locate(file, of: Self.source).standardizedFileURL == data.appendingPathComponent(file.path).standardizedFileURL)
    }

    @Test func missingFileNamesEveryPathSourceAndHowToObtain() {
        let locator = DataLocator(dataDirectory: "/d", environment: [:], currentDirectory: URL(fileURLWithPath: "/p"),
                                  cacheDirectory: "/c")
        #expect(throws: AtlasError(
            source: "toy/a.txt",
            message: "missing data file of toy (Toy corpus); tried: /d/toy/a.txt (--data-dir), "
                + "/shared/corpora/toy/a.txt (reference copies), /c/toy/a.txt (cache)",
            hint: "write it by hand; official source: https://example.org/toy")) {
            try locator.locate(Self.source.files[0], of: Self.source)
        }
    }
}
