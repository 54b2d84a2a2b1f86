// SitePathsTests: safe, stable, distinct file names from free-text ids.
import Testing
@testable import Generator

@Suite struct SitePathsTests {
    @Test(arguments: ["sst", "sst-12", "emo_bank", "a1"])
    func safeIdsAreKept(id: String) {
        #expect(SitePaths.fileName(for: id) == id)
    }

    @Test(arguments: ["../../x", "..", ".", "", "a/b", "A", "<script>", "tab\there", "new\nline", "é", "x..y", "-", "con:nul", String(repeating: "a", count: 80)])
    func unsafeIdsAreSanitised(id: String) {
        let name = SitePaths.fileName(for: id)
        #expect(!name.isEmpty)
        #expect(!name.contains("/") && !name.contains("..") && !name.contains("\\"))
        #expect(!name.unicodeScalars.contains { $0.value < 0x20 || $0.value >= 0x7f })
        #expect(name.count <= 70)
        #expect(name != id, "an unsafe id must gain a hash suffix")
    }

    @Test func namesAreStableAndDistinct() {
        #expect(SitePaths.fileName(for: "Good") == SitePaths.fileName(for: "Good"))
        #expect(SitePaths.fileName(for: "Good") != SitePaths.fileName(for: "good"))
        #expect(SitePaths.fileName(for: "a b") != SitePaths.fileName(for: "a-b"))
        #expect(SitePaths.fileName(for: "../../x").hasPrefix("x-"))
    }

    @Test func rootPrefixMatchesDepth() {
        let paths = SitePaths()
        #expect(paths.root(from: "index.html") == "")
        #expect(paths.root(from: paths.corpus("sst")) == "../")
        #expect(paths.root(from: paths.example(corpus: "sst", example: "1")) == "../../")
    }
}
