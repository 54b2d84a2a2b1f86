// RenderBenchmark: times rendering and checking a full-size synthetic site; runs only when ATLAS_RENDER_BENCH is set.
import Foundation
import Testing
@testable import Generator

@Suite struct RenderBenchmark {
    /// `ATLAS_RENDER_BENCH=1 swift test -c release --filter RenderBenchmark` — 3,210 examples (SST-5 2,210 + EmoBank 1,000).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ATLAS_RENDER_BENCH"] != nil))
    func renderAndCheckFullSizeSite() async throws {
        var content = SiteContent.fixture(corpora: 2, examples: 1605, tokens: 20, layers: 7)
        content.corpora[0].examples += SiteContent.fixture(corpora: 1, examples: 1, tokens: 56, layers: 7, seed: 3).corpora[0].examples
            .map { var e = $0; e.id = "long"; return e }
        let output = try SiteFixture.temporaryFolder()
        let renderer = try await SiteFixture.renderer()
        let clock = ContinuousClock()
        let start = clock.now
        let pages = renderer.pageCount(content)
        try SiteWriter.writeSite(to: output) { writer in
            try renderer.render(content, to: writer, threads: 2)
            for download in content.downloads { try writer.write("{}\n", to: download.path) }
        }
        let rendered = clock.now
        let problems = try SiteChecker(threads: 2).check(site: output)
        let checked = clock.now
        let bytes = try SiteChecker.listFiles(output.path).reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: output.path + "/" + file)[.size] as? Int) ?? 0)
        }
        print("render-bench: \(pages) pages, \(bytes / 1_000_000) MB; render \(rendered - start), check \(checked - rendered), total \(checked - start)")
        #expect(problems.isEmpty)
    }
}

extension RenderBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ATLAS_RENDER_BENCH"] != nil))
    func splitFactoryFromTemplates() async throws {
        let content = SiteContent.fixture(corpora: 1, examples: 300, tokens: 20, layers: 7)
        let factory = PageFactory(content: content)
        let library = try await TemplateLibrary(directory: SiteFixture.templates)
        let corpus = content.corpora[0]
        let clock = ContinuousClock()
        var start = clock.now
        let pages = corpus.examples.enumerated().map { factory.makeExamplePage(for: $1, in: corpus, index: $0) }
        print("render-bench: factory \(clock.now - start) for 300")
        start = clock.now
        for page in pages { _ = try library.render(page, with: "pages/example") }
        print("render-bench: templates \(clock.now - start) for 300")
        start = clock.now
        let corpusPage = factory.makeCorpusPage(for: corpus)
        _ = try library.render(corpusPage, with: "pages/corpus")
        print("render-bench: corpus page \(clock.now - start)")
    }
}
