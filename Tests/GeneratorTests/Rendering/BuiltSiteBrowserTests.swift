// BuiltSiteBrowserTests: the site `atlas build` really wrote, opened in headless Chromium (CI runs it after the build).
import Foundation
import Testing
@testable import Generator

/// The built site to check, from `ATLAS_BUILT_SITE` (set by `make browser-check`); nil skips the suite, since a
/// plain `swift test` runs before any site exists.
let builtSite: URL? = ProcessInfo.processInfo.environment["ATLAS_BUILT_SITE"].map { URL(fileURLWithPath: $0) }

@Suite(.enabled(if: chromiumPath != nil && builtSite != nil, "needs chromium and ATLAS_BUILT_SITE"))
struct BuiltSiteBrowserTests {
    /// The first example page linked from the first corpus page linked from the home page.
    static func firstLink(in dom: String, matching pattern: Regex<(Substring, Substring)>) -> String? {
        dom.firstMatch(of: pattern).map { String($0.output.1) }
    }

    @Test func homeAndExamplePagesReadAsPublished() throws {
        let site = try #require(builtSite)
        let home = try BrowserTests.runChromium(["--dump-dom", site.appendingPathComponent("index.html").absoluteString])
        #expect(home.contains("class=\"js\""), "the site script ran")
        #expect(home.contains("<h1>"), "the home page has its title")
        #expect(home.contains("LAT"), "the methods table names LAT")
        #expect(home.contains("95 %") || home.contains("95%"), "the statistics carry confidence intervals")
        let corpusPath = try #require(Self.firstLink(in: home, matching: /href="(corpora\/[^"]+\.html)"/),
                                      "the home page links a corpus page")
        let corpus = try BrowserTests.runChromium(["--dump-dom", site.appendingPathComponent(corpusPath).absoluteString])
        #expect(corpus.contains(" shown"), "the example index script ran")
        let examplePath = try #require(Self.firstLink(in: corpus, matching: /href="\.\.\/(examples\/[^"]+\.html)"/),
                                       "the corpus page links an example page")
        let exampleURL = site.appendingPathComponent(examplePath)
        let example = try BrowserTests.runChromium(["--dump-dom", exampleURL.absoluteString])
        #expect(example.contains("id=\"trace-caption\""), "the example page has its trace caption")
        #expect(example.matches(of: /class="t [a-z][0-9]"/).count > 0, "tokens are highlighted")
        #expect(example.contains("<svg"), "the layer-by-layer charts are drawn")
        try FileManager.default.createDirectory(at: SiteFixture.artifacts, withIntermediateDirectories: true)
        for (name, url) in [("built-home", site.appendingPathComponent("index.html")), ("built-example", exampleURL)] {
            let png = SiteFixture.artifacts.appendingPathComponent("\(name).png")
            try? FileManager.default.removeItem(at: png)
            _ = try BrowserTests.runChromium(["--screenshot=" + png.path, "--window-size=1280,2000", url.absoluteString])
            #expect(FileManager.default.fileExists(atPath: png.path), "\(name).png")
        }
    }
}
