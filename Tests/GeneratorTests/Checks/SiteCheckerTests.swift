// SiteCheckerTests: the checker finds malformed markup, broken links and fragments, external assets.
import Foundation
import Testing
@testable import Generator

@Suite struct SiteCheckerTests {
    static let page = """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title><link rel="stylesheet" href="style.css"/></head>
        <body><p id="here">x</p>
        BODY
        </body></html>
        """

    func site(_ body: String, extra: [String: String] = [:]) throws -> URL {
        let output = try SiteFixture.temporaryFolder()
        try SiteWriter.writeSite(to: output) { writer in
            try writer.write(Self.page.replacingOccurrences(of: "BODY", with: body), to: "index.html")
            try writer.write("body{}", to: "style.css")
            for (path, text) in extra { try writer.write(text, to: path) }
        }
        return output
    }

    @Test func aCleanSiteHasNoProblems() throws {
        let folder = try site(##"<a href="sub/page.html#top">ok</a> <a href="#here">self</a> <a href="https://example.org/">out</a>"##,
                              extra: ["sub/page.html": Self.page.replacingOccurrences(of: "BODY", with: #"<h1 id="top">t</h1><a href="../index.html">up</a>"#)
                                .replacingOccurrences(of: "href=\"style.css\"", with: "href=\"../style.css\"")])
        #expect(try SiteChecker().check(site: folder) == [])
    }

    @Test func brokenLinksAreListedWithFileAndLine() throws {
        let folder = try site("<a href=\"missing.html\">x</a>\n<img src=\"img/none.png\" alt=\"\"/>\n<a href=\"#nowhere\">y</a>")
        let problems = try SiteChecker().check(site: folder)
        #expect(problems.count == 3)
        #expect(problems.allSatisfy { $0.file == "index.html" })
        #expect(problems.map(\.line) == [4, 5, 6])
        #expect(problems[0].message.contains("missing.html"))
        #expect(problems[2].message.contains("nowhere"))
        #expect(throws: SiteCheckError.self) { try SiteChecker().checkOrThrow(site: folder) }
    }

    @Test func malformedMarkupIsReported() throws {
        let folder = try site("<p>unclosed <b>bold</p>", extra: ["chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>"])
        let problems = try SiteChecker().check(site: folder)
        #expect(Set(problems.map(\.file)) == ["chart.svg", "index.html"])
        #expect(problems.allSatisfy { $0.message.hasPrefix("not well-formed XML") && $0.line > 0 })
    }

    @Test func externalAssetsAndAbsolutePathsAreProblems() throws {
        let folder = try site(#"<script src="https://cdn.example.com/x.js"></script><a href="/index.html">abs</a><a href="../../outside.html">out</a>"#)
        let messages = try SiteChecker().check(site: folder).map(\.message)
        #expect(messages.count == 3)
        #expect(messages[0].contains("offline"))
        #expect(messages[1].contains("absolute"))
        #expect(messages[2].contains("leaves the site"))
    }
}
