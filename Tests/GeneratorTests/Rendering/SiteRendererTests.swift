// SiteRendererTests: every page kind renders well-formed with working links, identical twice, within size.
import Foundation
import Testing
@testable import Generator

@Suite struct SiteRendererTests {
    @Test func everyPageKindRendersWellFormedWithWorkingLinks() async throws {
        let content = SiteContent.fixture()
        let site = try await SiteFixture.render(content)
        let paths = SitePaths()
        let corpus = content.corpora[0]
        for path in [paths.home, paths.methods, paths.data, paths.corpus(corpus.id),
                     paths.example(corpus: corpus.id, example: corpus.examples[0].id), paths.word(content.words[0].word)] {
            let page = try SiteFixture.read(site, path)
            #expect(page.hasPrefix("<!DOCTYPE html>"), "\(path)")
            #expect(page.contains("<main"), "\(path)")
        }
        let problems = try SiteChecker().check(site: site)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test func pagesShowTheirContent() async throws {
        let content = SiteContent.fixture()
        let site = try await SiteFixture.render(content)
        let paths = SitePaths()
        let home = try SiteFixture.read(site, paths.home)
        #expect(home.contains("0.431"))
        #expect(home.contains("EmoBank regressor"))
        #expect(home.contains("[0.010, 0.300]"))
        let example = content.corpora[0].examples[0]
        let page = try SiteFixture.read(site, paths.example(corpus: content.corpora[0].id, example: example.id))
        #expect(page.contains("<script type=\"application/json\" id=\"trace-0\">{\"d\":\"lat\""))
        #expect(page.contains("class=\"heatmap"))
        #expect(page.contains("class=\"connections\""))
        #expect(page.contains(example.trueLabel))
        // The ties table: the first method ties 12.5% and 25% of words in its seeds (mean 18.8%), half and 1/16
        // of its sentences' top scores (mean 28.1%).
        let corpus = try SiteFixture.read(site, paths.corpus(content.corpora[0].id))
        #expect(corpus.contains("id=\"ties\""))
        #expect(corpus.contains("title=\"per seed 12.5% · 25.0%\">18.8%</td>"))
        #expect(corpus.contains("title=\"per seed 50.0% · 6.2%\">28.1%</td>"))
        let methods = try SiteFixture.read(site, paths.methods)
        #expect(methods.contains("id=\"m-gradient-times-input\""))
        #expect(methods.contains("Sundararajan"))
    }

    /// The home page states the bootstrap behind its intervals from the content, not from the template.
    @Test func homeStatesTheResamplesOfItsIntervals() async throws {
        var content = SiteContent.fixture()
        content.bootstrapResamples = 200
        let home = try SiteFixture.read(try await SiteFixture.render(content), SitePaths().home)
        #expect(home.contains("95% bootstrap confidence intervals (200 seeded resamples of word types);"))
        content.bootstrapResamples = nil
        let silent = try SiteFixture.read(try await SiteFixture.render(content), SitePaths().home)
        #expect(silent.contains("95% bootstrap confidence intervals;") && !silent.contains("resamples of word types"))
    }

    @Test func sameInputGivesByteIdenticalSites() async throws {
        let content = SiteContent.fixture()
        let first = try await SiteFixture.render(content, threads: 1)
        let second = try await SiteFixture.render(content, threads: 2)
        let files = try SiteChecker.listFiles(first.path)
        #expect(files == (try SiteChecker.listFiles(second.path)))
        for file in files {
            let a = try Data(contentsOf: first.appendingPathComponent(file))
            let b = try Data(contentsOf: second.appendingPathComponent(file))
            #expect(a == b, "\(file) differs")
        }
    }

    @Test func longExamplePageStaysUnder30KB() async throws {
        var content = SiteContent.fixture(corpora: 1, examples: 2, tokens: 56, layers: 7)
        content.methods.append(MethodInfo(id: "extra", name: "Extra layered method", summary: "A tenth method."))
        for index in content.corpora[0].examples.indices {
            let tokens = content.corpora[0].examples[index].tokens
            content.corpora[0].examples[index].traces = content.methods.map { method in
                MethodTrace(methodID: method.id, layers: (0..<7).map { layer in
                    tokens.indices.map { Double(($0 * 37 + layer * 11) % 53) / 53 - (method.id == "gradient-times-input" ? 0.5 : 0) }
                })
            }
        }
        let site = try await SiteFixture.render(content)
        let example = content.corpora[0].examples[0]
        let path = SitePaths().example(corpus: content.corpora[0].id, example: example.id)
        let size = try Data(contentsOf: site.appendingPathComponent(path)).count
        print("long example page: \(size) bytes")
        #expect(size <= 30_000, "example page is \(size) bytes")
    }

    @Test func duplicateFileNamesAreRefused() async throws {
        var content = SiteContent.fixture(corpora: 1, examples: 2)
        content.corpora[0].examples[1].id = content.corpora[0].examples[0].id
        let renderer = try await SiteFixture.renderer()
        let output = try SiteFixture.temporaryFolder()
        #expect(throws: RenderError.self) {
            try SiteWriter.writeSite(to: output) { try renderer.render(content, to: $0) }
        }
    }

    @Test func missingTemplateIsAnError() async throws {
        let library = try await TemplateLibrary(directory: SiteFixture.templates)
        #expect(throws: RenderError.self) { try library.render(1, with: "pages/no-such-page") }
    }
}

@Suite struct SitePublishTests {
    @Test func demoSiteIsWrittenAndChecked() async throws {
        let output = try SiteFixture.temporaryFolder()
        try await SiteRenderer.renderDemoSite(templates: SiteFixture.templates, to: output, examplesPerCorpus: 3)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("data/traces.jsonl").path))
    }

    @Test func aFailedCheckKeepsThePreviousSite() async throws {
        let output = try SiteFixture.temporaryFolder()
        try SiteWriter.writeSite(to: output) { try $0.write("previous", to: "index.html") }
        let renderer = try await SiteFixture.renderer()
        // The downloads are linked from data.html but never written: the check fails on the staged site.
        do {
            try renderer.writeSite(.fixture(corpora: 1, examples: 2), to: output)
            Issue.record("expected the check to fail")
        } catch let error as SiteCheckError {
            #expect(error.problems.count == 2)
            #expect(error.problems.allSatisfy { $0.file == "data.html" && $0.message.contains("data/") })
        }
        #expect(try SiteFixture.read(output, "index.html") == "previous")
    }
}
