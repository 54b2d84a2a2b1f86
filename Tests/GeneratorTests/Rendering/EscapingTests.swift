// EscapingTests: hostile corpus text in HTML text, attributes, SVG, JSON blocks and file names.
import Foundation
import Testing
@testable import Generator

/// Hostile text from a corpus or lexicon (`<script>`, quotes, `&`, `../../x`) must come out inert everywhere.
@Suite struct EscapingTests {
    @Test func hostileTextIsEscapedAndTheSiteStaysWellFormed() async throws {
        let content = SiteContent.fixture(corpora: 1, examples: 3, tokens: 14, hostile: true)
        let site = try await SiteFixture.render(content)
        let problems = try SiteChecker().check(site: site)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        for file in try SiteChecker.listFiles(site.path) where file.hasSuffix(".html") {
            let page = try SiteFixture.read(site, file)
            #expect(!page.contains("<script>alert"), "raw script in \(file)")
            #expect(!page.contains("</script>\""), "\(file)")
            #expect(!page.contains("<b>&"), "\(file)")
            let scripts = page.components(separatedBy: "<script").count - 1
            let dataBlocks = page.components(separatedBy: "<script type=\"application/json\"").count - 1
            #expect(scripts - dataBlocks == 1, "only the site's own script tag (besides JSON data blocks) in \(file)")
        }
    }

    @Test func hostileIdsBecomeSafeFileNamesInsideTheSite() async throws {
        let content = SiteContent.fixture(corpora: 1, examples: 2, tokens: 10, hostile: true)
        let site = try await SiteFixture.render(content)
        let files = try SiteChecker.listFiles(site.path)
        for file in files {
            #expect(!file.contains(".."), "\(file)")
            #expect(!file.contains("<") && !file.contains("\"") && !file.contains("&"), "\(file)")
        }
        // The corpus id "../../x" did not climb out of the site folder.
        #expect(!FileManager.default.fileExists(atPath: site.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("x.html").path))
        #expect(files.contains(SitePaths().corpus("../../x")))
    }

    @Test func hostileTextInEachContext() async throws {
        var content = SiteContent.fixture(corpora: 1, examples: 2, tokens: 4, hostile: true)
        content.corpora[0].examples[0].tokens = ["<script>alert(1)</script>", "\"q\" & 'a'", "../../x", "fine"]
        content.corpora[0].topWords[0].words[0].word = "../../x"
        content.words.removeAll { $0.word == "../../x" }
        content.words.append(WordContent(word: "../../x", occurrences: [Occurrence(corpusID: content.corpora[0].id,
            exampleID: content.corpora[0].examples[0].id, before: "\"q\" & 'a'", word: "../../x", after: "fine")],
            meanScores: [MethodScore(methodID: "lat", score: 0.5)], ratings: [LexiconRating(name: "<b>valence</b>", value: 5)]))
        let site = try await SiteFixture.render(content)
        #expect(try SiteChecker().check(site: site) == [])
        let corpus = content.corpora[0]
        let example = try SiteFixture.read(site, SitePaths().example(corpus: corpus.id, example: corpus.examples[0].id))
        // HTML text: the heading with the example id, and the highlighted tokens.
        #expect(example.contains("Example &lt;script&gt;&quot;e&amp;0&quot;&lt;/script&gt;"))
        #expect(example.contains(">&lt;script&gt;alert(1)&lt;/script&gt;</span>"))
        #expect(example.contains(">&quot;q&quot; &amp; &#39;a&#39;</span>"))
        // SVG: the same tokens as heat-map labels.
        #expect(example.contains(">&lt;script&gt;alert(1)&lt;/script&gt;</text>"))
        // The JSON data block, unescaped inside <script type="application/json">: JSON escapes <, > and & itself,
        // so the corpus text in it can neither close the element nor start a tag.
        let open = "<script type=\"application/json\" id=\"trace-0\">"
        let start = try #require(example.range(of: open))
        let end = try #require(example.range(of: "</script>", range: start.upperBound..<example.endIndex))
        let block = String(example[start.upperBound..<end.lowerBound])
        #expect(!block.contains("<") && !block.contains(">") && !block.contains("&"))
        // Word page for "../../x": a sanitised file inside words/, linked from the corpus page's bar chart.
        let wordPath = SitePaths().word("../../x")
        #expect(wordPath.hasPrefix("words/x-"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(wordPath).path))
        let word = try SiteFixture.read(site, wordPath)
        #expect(word.contains("<h1 class=\"word\">../../x</h1>"))
        #expect(word.contains("&lt;b&gt;valence&lt;/b&gt;"))
        let corpusPage = try SiteFixture.read(site, SitePaths().corpus(corpus.id))
        #expect(corpusPage.contains("href=\"../\(wordPath)\""))
        let home = try SiteFixture.read(site, "index.html")
        #expect(home.contains("<title>Atlas &lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; co</title>"))
    }

    @Test func jsonStringsCannotCloseAScriptOrAttribute() {
        let text = JSONBlock.string("</script><b a='1'>\"&\\\n\u{2028}")
        #expect(text == #""\u003c/script\u003e\u003cb a=\u00271\u0027\u003e\"\u0026\\\n\u2028""#)
        let decoded = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == "</script><b a='1'>\"&\\\n\u{2028}")
    }
}
