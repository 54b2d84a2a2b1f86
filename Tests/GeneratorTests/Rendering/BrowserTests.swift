// BrowserTests: the rendered site in headless Chromium (DOM after the script, screenshots).
import Foundation
import Testing
@testable import Generator

let chromiumPath: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// Opens the rendered fixture site in headless Chromium (when installed): checks the DOM after the script ran
/// and writes screenshots to `.build/artifacts/` (git-ignored).
@Suite(.enabled(if: chromiumPath != nil, "needs chromium"))
struct BrowserTests {
    static var chromium: String? { chromiumPath }

    /// Runs Chromium headless and returns its standard output.
    static func runChromium(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--user-data-dir=" + FileManager.default.temporaryDirectory.appendingPathComponent("atlas-chromium-\(UUID().uuidString)").path]
            + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The palette classes of `scores` after the page's packing: what the script paints from the JSON block.
    static func shades(_ scores: [Double], isSigned: Bool) -> [String] {
        let (scale, packed) = JSONBlock.packScores(scores, isSigned: isSigned)
        let peak = abs(Double(scale)!)
        return JSONBlock.unpackScores(packed, scale: peak, isSigned: isSigned).map {
            Palette.heat($0, maxMagnitude: peak, isSigned: isSigned)
        }
    }

    @Test func scriptRepaintsHighlightsForTheMethodInTheURL() async throws {
        let content = SiteContent.fixture(corpora: 1, examples: 3, tokens: 16)
        let site = try await SiteFixture.render(content)
        let corpus = content.corpora[0]
        let example = corpus.examples[0]
        let page = site.appendingPathComponent(SitePaths().example(corpus: corpus.id, example: example.id))
        let dom = try Self.runChromium(["--dump-dom", page.absoluteString + "#m=gradient-times-input&l=0"])
        #expect(dom.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" class=\"js\">"))
        #expect(dom.contains("id=\"trace-caption\">Gradient × input, all<"))
        #expect(dom.contains("data-method=\"gradient-times-input\""))
        // The classes the script painted are the ones Swift computes from the packed (6-bit) scores.
        let scores = try #require(example.traces.first { $0.methodID == "gradient-times-input" }?.layers.first)
        let expected = Self.shades(scores, isSigned: true).map { "class=\"t " + $0 + "\"" }
        // The sentence the script paints (not the across-seeds spread below it, which keeps its mean shading).
        let start = try #require(dom.range(of: "id=\"tokens\""))
        let sentence = dom[start.upperBound...].prefix { $0 != "\n" }
        let painted = sentence.matches(of: /class="t [a-z][0-9]( rationale)?"/)
            .map { String(sentence[$0.range]).replacingOccurrences(of: " rationale", with: "") }
        #expect(painted == expected)
        // Hover values of repainted words are the decoded ones, two digits, marked approximate.
        #expect(dom.contains("title=\"≈"))
        // Repainting keeps the human-rationale underline of the tokens that have it.
        let underlined = sentence.matches(of: /class="t [a-z][0-9] rationale"/).count
        #expect(underlined > 0 && underlined == (example.rationale ?? []).filter { $0 > 0 }.count)
        #expect(painted.contains { $0.contains(" n") }, "negative scores are painted in the diverging palette")
        // The heat map was redrawn for the one-layer method: a single row labelled "all".
        let heatLabels = dom.matches(of: /<text class="hm-label" x="58" y="[0-9.]+">([^<]*)<\/text>/)
            .map { String($0.output.1) }
        #expect(heatLabels.prefix(1) == ["all"])
        #expect(dom.matches(of: /<path class="hm-bg" stroke-width="15" d="M64 [0-9.]+h[0-9]+"/).count == 1, "one background row")
        #expect(dom.contains("<span id=\"heatmap-title\">Gradient × input: score by layer and token</span>"))
    }

    @Test func defaultViewAndLayerSwitchFromTheURL() async throws {
        let content = SiteContent.fixture(corpora: 1, examples: 2, tokens: 12)
        let site = try await SiteFixture.render(content)
        let corpus = content.corpora[0]
        let page = site.appendingPathComponent(SitePaths().example(corpus: corpus.id, example: corpus.examples[0].id))
        let dom = try Self.runChromium(["--dump-dom", page.absoluteString + "#m=lat&l=3"])
        #expect(dom.contains("id=\"trace-caption\">LAT (paper), layer 3<"))
        #expect(dom.contains("<option value=\"3\" selected=\"\">layer 3</option>") || dom.contains("data-layer=\"3\""))
    }

    @Test func secondModelFromTheURLRepaintsWithItsOwnScores() async throws {
        let (content, host, _) = ModelSelectorTests.linkedContent()
        let site = try await SiteFixture.render(content)
        let example = host.examples[0]
        let page = site.appendingPathComponent(SitePaths().example(corpus: host.id, example: example.id))
        let dom = try Self.runChromium(["--dump-dom", page.absoluteString + "#m=lat&l=0&x=1"])
        // The prediction and the highlights are the second model's (its JSON block "trace-1"): its LAT input
        // scores are the first model's reversed.
        #expect(dom.contains("id=\"predicted\" class=\"wrong\">second opinion &lt;i&gt;<"))
        // Its block has no method names; the script took them from the page's own block.
        #expect(dom.contains("id=\"trace-caption\">LAT (paper), input<"))
        #expect(dom.contains("<option value=\"integrated-gradients\">Integrated gradients</option>"))
        let scores = try #require(example.models[1].traces.first { $0.methodID == "lat" }?.layers.first)
        let expected = Self.shades(scores, isSigned: scores.contains { $0 < 0 }).map { "class=\"t " + $0 }
        let painted = dom.matches(of: /class="t [a-z][0-9]/).map { String(dom[$0.range]) }
        #expect(Array(painted.prefix(expected.count)) == expected)
    }

    @Test func homeAndCorpusPagesAndScreenshots() async throws {
        let content = SiteContent.fixture(corpora: 2, examples: 6, tokens: 40)
        let site = try await SiteFixture.render(content)
        let home = try Self.runChromium(["--dump-dom", site.appendingPathComponent("index.html").absoluteString])
        #expect(home.contains("<h1>Attention Atlas</h1>"))
        #expect(home.contains("EmoBank regressor"))
        #expect(home.contains("[0.010, 0.300]"))
        let corpusPage = site.appendingPathComponent(SitePaths().corpus(content.corpora[0].id))
        let corpus = try Self.runChromium(["--dump-dom", corpusPage.absoluteString])
        #expect(corpus.contains("6 of 6 shown"), "the index script ran")
        try FileManager.default.createDirectory(at: SiteFixture.artifacts, withIntermediateDirectories: true)
        let example = site.appendingPathComponent(SitePaths().example(corpus: content.corpora[0].id, example: content.corpora[0].examples[0].id))
        for (name, url) in [("home", site.appendingPathComponent("index.html")), ("example", example)] {
            let png = SiteFixture.artifacts.appendingPathComponent("\(name).png")
            try? FileManager.default.removeItem(at: png)
            _ = try Self.runChromium(["--screenshot=" + png.path, "--window-size=1280,2000", url.absoluteString])
            #expect(FileManager.default.fileExists(atPath: png.path), "\(name).png")
        }
    }
}
