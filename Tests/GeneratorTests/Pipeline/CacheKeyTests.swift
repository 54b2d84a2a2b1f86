// CacheKeyTests: keys change with every named part, its boundaries and input files.
import Foundation
import Testing
@testable import Generator

@Suite struct CacheKeyTests {
    @Test func keysDependOnEveryPartAndItsBoundaries() throws {
        let base = CacheKey([("config", Data("ab".utf8)), ("code", Data("c".utf8))])
        #expect(base == CacheKey([("config", Data("ab".utf8)), ("code", Data("c".utf8))]))
        #expect(base != CacheKey([("config", Data("a".utf8)), ("code", Data("bc".utf8))]))
        #expect(base != CacheKey([("config", Data("ab".utf8)), ("code", Data("d".utf8))]))
        #expect(base != CacheKey([("code", Data("c".utf8)), ("config", Data("ab".utf8))]))
        #expect(base.hex.count == 64)
    }

    @Test func fileContentsChangeTheKey() throws {
        let folder = try SiteFixture.temporaryFolder("files")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("input.txt")
        try Data("one".utf8).write(to: file)
        var first = CacheKey.Builder()
        try first.addFile("input", at: file)
        try Data("two".utf8).write(to: file)
        var second = CacheKey.Builder()
        try second.addFile("input", at: file)
        #expect(first.build() != second.build())
    }

    /// SHA-256 of the empty part list is SHA-256 of no bytes (`printf '' | sha256sum`).
    @Test func emptyKeyIsSHA256OfNothing() {
        #expect(CacheKey([]).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
