// ModelSelectorTests: two models of the same sentences share example pages with a model selector and a static comparison.
import Foundation
import Testing
@testable import Generator

@Suite struct ModelSelectorTests {
    /// The fixture's first corpus, and a second "model" of the same sentences with other predictions and scores.
    static func linkedContent() -> (SiteContent, host: CorpusContent, second: CorpusContent) {
        var content = SiteContent.fixture(corpora: 1, examples: 4, hostile: true)
        var second = content.corpora[0]
        second.id = "sst-minilm"
        second.name = "SST, pretrained"
        for i in second.examples.indices {
            second.examples[i].predictedLabel = "second opinion <i>"
            second.examples[i].traces = second.examples[i].traces.map { trace in
                MethodTrace(methodID: trace.methodID, layers: trace.layers.map { $0.reversed() })
            }
        }
        second.examples.removeLast()  // one sentence the second model did not trace
        var settings = [CorpusSettings(id: content.corpora[0].id, task: .sst5), CorpusSettings(id: second.id, task: .sst5)]
        settings[1].model.load = "models/minilm"
        content.corpora = SiteContentBuilder.linkModels(content.corpora + [second], settings: settings)
        content.modelComparisons = [ModelComparison(title: "SST <test>", models: ["scratch", "minilm & co"], rows: [
            .init(methodID: "lat", cells: [StatisticRow(methodID: "lat", statistic: "ρ", estimate: 0.161, lower: 0.119, upper: 0.201, pValue: 1e-13, n: 2315), nil]),
        ])]
        return (content, content.corpora[0], content.corpora[1])
    }

    @Test func sameSentencesAreLinkedToTheFirstCorpusPages() {
        let (_, host, second) = Self.linkedContent()
        #expect(host.examples.prefix(3).allSatisfy { $0.models.map(\.corpusID) == [host.id, "sst-minilm"] })
        #expect(host.examples[3].models.isEmpty, "only one model traced the last sentence")
        #expect(host.examples[0].models[1].label == "minilm (pretrained, frozen) + trained head")
        #expect(host.examples[0].models[1].predictedLabel == "second opinion <i>")
        #expect(second.examples.allSatisfy { $0.pageCorpusID == host.id })
        #expect(host.examples.allSatisfy { $0.pageCorpusID == nil })
    }

    @Test func examplePagesCarryTheSelectorAndTheComparison() async throws {
        let (content, host, second) = Self.linkedContent()
        let site = try await SiteFixture.render(content)
        let paths = SitePaths()
        let page = try SiteFixture.read(site, paths.example(corpus: host.id, example: host.examples[0].id))
        #expect(page.contains("id=\"model-select\""))
        #expect(page.contains("Models compared"))
        #expect(page.contains("minilm (pretrained, frozen) + trained head"))
        #expect(page.contains("second opinion &lt;i&gt;"))
        #expect(!page.contains("<script>alert(1)"), "tokens are escaped in the comparison too")
        #expect(page.components(separatedBy: "<script type=\"application/json\"").count == 3,
                "the page's own trace and the second model's")
        #expect(page.contains("id=\"trace-1\">{\"d\":"))
        let lone = try SiteFixture.read(site, paths.example(corpus: host.id, example: host.examples[3].id))
        #expect(!lone.contains("model-select"))
        // The second corpus has no example pages of its own; its index links to the host's.
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(
            paths.example(corpus: second.id, example: second.examples[0].id)).path))
        let index = try SiteFixture.read(site, paths.corpus(second.id))
        #expect(index.contains(SitePaths.fileName(for: host.id) + "/" + SitePaths.fileName(for: host.examples[1].id) + ".html"))
        let home = try SiteFixture.read(site, paths.home)
        #expect(home.contains("Models side by side"))
        #expect(home.contains("<caption>SST &lt;test&gt;</caption>"))
        #expect(home.contains("minilm &amp; co"))
        #expect(home.contains("0.161") && home.contains("[0.119, 0.201]"))
        let problems = try SiteChecker().check(site: site)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }
}
