// TemplateValueTests: flattened view models render exactly like the originals.
import Foundation
import Testing
@testable import Generator

@Suite struct TemplateValueTests {
    struct Inner { var name: String; var missing: String?; var present: Int? }
    struct Outer { var title: String; var flag: Bool; var items: [Inner]; var inner: Inner?; var none: Inner? }

    @Test func flattenedValuesKeepStoredPropertiesAndDropNils() throws {
        let value = Outer(title: "t", flag: true, items: [Inner(name: "a", missing: nil, present: 3)],
                          inner: Inner(name: "b", missing: "m", present: nil), none: nil)
        let flat = try #require(TemplateValue.flatten(value) as? [String: Any])
        #expect(Set(flat.keys) == ["title", "flag", "items", "inner"])
        let items = try #require(flat["items"] as? [Any])
        let first = try #require(items.first as? [String: Any])
        #expect(Set(first.keys) == ["name", "present"])
        #expect(first["present"] as? Int == 3)
    }

    /// Every page renders to the same text from the flattened value as from the view model itself.
    @Test func flatteningDoesNotChangeAnyPage() async throws {
        let library = try await TemplateLibrary(directory: SiteFixture.templates).library
        let factory = PageFactory(content: .fixture(hostile: true))
        let corpus = factory.content.corpora[0]
        let pages: [(Any, String)] = [
            (factory.makeHomePage(), "pages/index"), (factory.makeCorpusPage(for: corpus), "pages/corpus"),
            (factory.makeExamplePage(for: corpus.examples[1], in: corpus, index: 1), "pages/example"),
            (factory.makeWordPage(for: factory.content.words[0]), "pages/word"),
            (factory.makeMethodsPage { library.getTemplate(named: $0) != nil }, "pages/methods"), (factory.makeDataPage(), "pages/data"),
        ]
        for (page, template) in pages {
            let direct = try #require(library.render(page, withTemplate: template))
            let flattened = try #require(library.render(TemplateValue.flatten(page), withTemplate: template))
            #expect(direct == flattened, "\(template)")
        }
    }
}
