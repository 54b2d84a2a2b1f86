// TemplateTests: no unescaped output in templates, and every tag names a view-model property.
import Foundation
import Testing
@testable import Generator

/// The templates only escape (no `{{& }}`; the one triple mustache is the example's JSON data block, made by
/// `JSONBlock`, which escapes `<`, `>` and `&` itself), and every tag names a view-model property.
@Suite struct TemplateTests {
    static func templateFiles() throws -> [(name: String, text: String)] {
        let root = SiteFixture.templates.path
        return try SiteChecker.listFiles(root).filter { $0.hasSuffix(".mustache") }.map {
            (String($0.dropLast(".mustache".count)), try String(contentsOfFile: root + "/" + $0, encoding: .utf8))
        }
    }

    @Test func noTemplateWritesUnescapedText() throws {
        let files = try Self.templateFiles()
        #expect(files.count >= 10)
        for file in files {
            // A triple mustache only as the whole content of a JSON data block, and only for `traceJSON`.
            let triples = file.text.matches(of: /\{\{\{([^}]*)\}\}\}/)
            for triple in triples {
                #expect(triple.output.1 == "traceJSON", "\(file.name) uses {{{\(triple.output.1)}}}")
                let before = file.text[..<triple.range.lowerBound]
                let after = file.text[triple.range.upperBound...]
                #expect(before.hasSuffix("\">") && before.split(separator: "<").last?.hasPrefix("script type=\"application/json\" id=\"trace-") == true,
                        "\(file.name): {{{traceJSON}}} outside a JSON data block")
                #expect(after.hasPrefix("</script>"), "\(file.name): {{{traceJSON}}} is not the block's whole content")
            }
            #expect(file.text.range(of: #"\{\{\s*&"#, options: .regularExpression) == nil, "\(file.name) uses {{& }}")
            #expect(!file.text.contains("CONTENT_TYPE"), "\(file.name) changes the content type")
        }
    }

    /// Every variable and section name in the templates is a stored property of some view model
    /// (collected by reflecting the fixture's view models), so no tag silently renders empty.
    @Test func everyTagNamesAViewModelProperty() throws {
        var content = SiteContent.fixture()
        content.addNarratives(.fixture(from: content))
        let factory = PageFactory(content: content)
        let corpus = factory.content.corpora[0]
        let narratives = factory.content.narratives[0]
        // Two models of the same sentences: the model selector and the home page's side-by-side table.
        let linked = PageFactory(content: ModelSelectorTests.linkedContent().0)
        let host = linked.content.corpora[0]
        let pages: [Any] = [factory.makeNarrativeIndexPage(for: narratives),
                            factory.makeNarrativePage(for: narratives.narratives[0], in: narratives, index: 0),
                            linked.makeHomePage(), linked.makeExamplePage(for: host.examples[0], in: host, index: 0),
                            factory.makeHomePage(), factory.makeCorpusPage(for: corpus),
                            factory.makeExamplePage(for: corpus.examples[0], in: corpus, index: 0),
                            factory.makeWordPage(for: factory.content.words[0]), factory.makeMethodsPage { _ in true },
                            factory.makeDataPage()]
        var labels = Set<String>()
        func collect(_ value: Any, depth: Int) {
            guard depth < 8 else { return }
            for child in Mirror(reflecting: value).children {
                if let label = child.label { labels.insert(label) }
                if Mirror(reflecting: child.value).children.isEmpty { continue }
                if let array = child.value as? [Any] {
                    if let first = array.first { collect(first, depth: depth + 1) }
                } else {
                    collect(child.value, depth: depth + 1)
                }
            }
        }
        for page in pages { collect(page, depth: 0) }
        let tag = try NSRegularExpression(pattern: #"\{\{\s*([#^/]?)\s*([A-Za-z_.][A-Za-z0-9_.]*)\s*\}\}"#)
        for file in try Self.templateFiles() {
            let range = NSRange(file.text.startIndex..., in: file.text)
            for match in tag.matches(in: file.text, range: range) {
                let name = String(file.text[Range(match.range(at: 2), in: file.text)!])
                if name == "." || ["main", "layout"].contains(name) { continue }
                for component in name.split(separator: ".") {
                    #expect(labels.contains(String(component)), "\(file.name): {{\(name)}} is not a view-model property")
                }
            }
        }
    }

    @Test func everyRequiredFieldOfTheFixtureIsFilled() throws {
        let factory = PageFactory(content: .fixture())
        let home = factory.makeHomePage()
        #expect(!home.shell.pageTitle.isEmpty && !home.claim.isEmpty && !home.statistics.isEmpty)
        let corpus = factory.content.corpora[0]
        let example = factory.makeExamplePage(for: corpus.examples[0], in: corpus, index: 0)
        #expect(example.tokens.allSatisfy { !$0.text.isEmpty && !$0.heat.isEmpty && !$0.hover.isEmpty })
        // The method and layer menus are filled by the script (the form is hidden without it).
        let template = try String(contentsOf: SiteFixture.templates.appendingPathComponent("pages/example.mustache"), encoding: .utf8)
        #expect(template.contains("<select id=\"method-select\"></select>") && template.contains("<select id=\"layer-select\"></select>"))
        #expect(example.heatMap != nil && example.connections != nil)
    }
}
