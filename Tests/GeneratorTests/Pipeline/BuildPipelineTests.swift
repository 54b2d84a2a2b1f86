// BuildPipelineTests: the eight real steps of `atlas build`, end to end on the fixture corpora — every model kind
// trained here goes through the same conformers the command uses, a rebuild skips everything, and a second build
// from an empty cache gives the same bytes.
import Core
import Foundation
import Testing
@testable import Generator

@Suite(.serialized) struct BuildPipelineTests {
    static let silent = TerminalOutput(isInteractive: false) { _ in }

    /// Runs `BuildCommand.steps` as `atlas build` does, into `root/site` with the cache in `root/cache`.
    static func build(in root: URL, store: CorpusStore, forced: Set<String> = [], output: TerminalOutput = silent,
                      seeds: Int? = nil, threads: Int = 2) async throws -> [PipelineRunner.Outcome] {
        let cache = root.appendingPathComponent("cache/build")
        var configuration = FixtureCorpora.configuration()
        if let seeds { configuration.overrideSeeds(count: seeds) }
        var context = BuildContext(configuration: configuration, configurationSource: "the fixture",
                                   store: store, cacheFolder: cache, outputFolder: root.appendingPathComponent("site"),
                                   templatesFolder: SiteFixture.templates, threads: threads, forced: forced, output: output)
        context.renderer = try await SiteFixture.renderer()
        try context.digestInputFiles()
        return try PipelineRunner(cacheFolder: cache, forced: forced, output: output).run(BuildCommand.steps, context: &context)
    }

    /// Every file of a site folder, by relative path.
    static func files(_ site: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: site, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(site.standardizedFileURL.path.count + 1))] =
                try Data(contentsOf: url)
        }
        return files
    }

    @Test func theEightStepsBuildASiteThatARebuildSkipsAndAFreshBuildRepeats() async throws {
        let root = try DataTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try FixtureCorpora.write(to: root.appendingPathComponent("corpora"))

        let first = root.appendingPathComponent("first")
        let lines = PipelineRunnerTests.Lines()
        let outcomes = try await Self.build(in: first, store: store,
                                            output: lines.output())
        #expect(outcomes.count == BuildCommand.steps.count)
        #expect(!outcomes.contains(.skipped), "a build from an empty cache runs every step")
        let log = lines.all
        for step in BuildCommand.steps { #expect(log.contains("] \(step.name)\n")) }
        // Two seeds of every corpus (the ci profile's default).
        for id in ["sst5", "emobank", "narratives"] {
            for seed in 0...1 { #expect(log.contains("\(id) seed \(seed): training into")) }
        }
        // Only the model trained here on sentences is judged for faithfulness.
        #expect(log.contains("sst5 seed 1:") && log.contains("sequences scored"))

        let site = try Self.files(first.appendingPathComponent("site"))
        for page in ["index.html", "methods.html", "data.html", SitePaths().buildKey,
                     SitePaths().narrativeMetrics("narratives"), SitePaths().tracesArchive("narratives")] {
            #expect(site[page] != nil, "\(page) missing")
        }
        #expect(site.keys.contains { $0.hasPrefix("words/") }, "word pages")
        // Corpus text reaches the pages escaped, never raw; no corpus text became a file name.
        let pages = site.filter { $0.key.hasSuffix(".html") || $0.key.hasSuffix(".svg") }
        #expect(pages.values.allSatisfy { !String(decoding: $0, as: UTF8.self).contains(FixtureCorpora.hostile) })
        #expect(!site.keys.contains { $0.contains("<") || $0.contains("script") })
        // Across seeds: the corpus page's section, the home page's findings, the CSV's rows.
        let sst5 = String(decoding: try #require(site["corpora/sst5.html"]), as: UTF8.self)
        #expect(sst5.contains("id=\"seeds\"") && sst5.contains("Across two training seeds"))
        #expect(sst5.contains("id=\"seed-faithfulness\"") && sst5.contains("id=\"agreement\"") && sst5.contains("id=\"ties\""))
        #expect(sst5.contains("id=\"randomisation\"") && sst5.contains("+ embeddings (untrained)"))
        let narratives = String(decoding: try #require(site[SitePaths().narratives("narratives")]), as: UTF8.self)
        #expect(narratives.contains("Across two training seeds") && narratives.contains("id=\"agreement\""))
        #expect(String(decoding: try #require(site["index.html"]), as: UTF8.self).contains("What holds across training seeds"))
        let table = String(decoding: try #require(site[SitePaths().statisticsTable("sst5")]), as: UTF8.self)
        #expect(table.contains("mean over seeds 0, 1 (hierarchical bootstrap)") && table.contains("higher in"))
        #expect(table.contains("attention-flow,,\"words tied with a different word, share, seed 1\""))

        // Nothing changed: every step is skipped and the site is left as it was.
        let again = try await Self.build(in: first, store: store)
        #expect(again == Array(repeating: .skipped, count: BuildCommand.steps.count))
        #expect(try Self.files(first.appendingPathComponent("site")) == site)

        // The same configuration and seed from an empty cache: the same bytes.
        let second = root.appendingPathComponent("second")
        _ = try await Self.build(in: second, store: store)
        let repeated = try Self.files(second.appendingPathComponent("site"))
        #expect(repeated.keys.sorted() == site.keys.sorted())
        for (path, bytes) in site where repeated[path] != bytes { Issue.record("\(path) differs between two builds") }
    }

    /// A third seed trains only itself: the first two seeds' models, traces and reports are reused, and the site
    /// says "three".
    @Test func addingASeedReusesTheOthers() async throws {
        let root = try DataTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try FixtureCorpora.write(to: root.appendingPathComponent("corpora"))
        let folder = root.appendingPathComponent("build")
        _ = try await Self.build(in: folder, store: store)
        let lines = PipelineRunnerTests.Lines()
        _ = try await Self.build(in: folder, store: store, output: lines.output(), seeds: 3)
        let log = lines.all
        for id in ["sst5", "emobank", "narratives"] {
            #expect(log.contains("\(id) seed 0: cached") && log.contains("\(id) seed 1: cached"))
            #expect(log.contains("\(id) seed 2: training into") && !log.contains("\(id) seed 0: training into"))
        }
        let sst5 = String(decoding: try Data(contentsOf: folder.appendingPathComponent("site/corpora/sst5.html")), as: UTF8.self)
        #expect(sst5.contains("Across three training seeds"))
        // Two seeds are two models: their checkpoints differ (the same seeds give the same site bytes: the first test).
        let models = folder.appendingPathComponent("cache/build/models")
        let weights = try ["sst5-seed0", "sst5-seed1", "sst5-seed2"].map { stem in
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: models.path).first { $0.hasPrefix(stem + "-") })
            return try Data(contentsOf: models.appendingPathComponent(name).appendingPathComponent(ModelCheckpoint.weightsFile))
        }
        #expect(Set(weights).count == 3)
    }

    /// With two threads the models train side by side, one core each; with one, one after the other. Training
    /// gives the same bytes at any thread count, so the two sites are the same bytes too.
    @Test func modelsTrainedSideBySideGiveTheSameSiteAsOneAfterTheOther() async throws {
        let root = try DataTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try FixtureCorpora.write(to: root.appendingPathComponent("corpora"))
        let lines = PipelineRunnerTests.Lines()
        _ = try await Self.build(in: root.appendingPathComponent("two"), store: store, output: lines.output())
        _ = try await Self.build(in: root.appendingPathComponent("one"), store: store, threads: 1)
        #expect(lines.all.contains("side by side"))
        #expect(lines.all.contains("[sst5 seed 0]   sst5 seed 0: training into"))
        let two = try Self.files(root.appendingPathComponent("two/site")), one = try Self.files(root.appendingPathComponent("one/site"))
        #expect(two.keys.sorted() == one.keys.sorted())
        #expect(two.keys.filter { two[$0] != one[$0] }.sorted() == [])
    }
}
