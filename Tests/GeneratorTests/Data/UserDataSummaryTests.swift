// UserDataSummaryTests: `atlas data stats --config` and `check --config` on a user's corpora and lexicon.
import Core
import Foundation
import Testing
@testable import Generator

@Suite struct UserDataSummaryTests {
    /// The pipeline test's corpora and lexicon, loaded through the configuration.
    static func project() throws -> (root: URL, configuration: SiteConfiguration, store: CorpusStore) {
        let root = try DataTestSupport.temporaryFolder()
        let store = try FixtureCorpora.write(to: root.appendingPathComponent("corpora"))
        let project = root.appendingPathComponent("project")
        try UserCorpusPipelineTests.writeCorpora(to: project.appendingPathComponent("data"))
        let path = project.appendingPathComponent("site.yml").path
        try Data(UserCorpusPipelineTests.yaml.utf8).write(to: URL(fileURLWithPath: path))
        return (root, try SiteConfiguration.load(path: path), store)
    }

    @Test func statisticsCountTheDeclaredLabelsAndTheLexiconCoverage() throws {
        let (root, configuration, store) = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = configuration.corpora[0]
        let lexicons = try [store.loadLexicon(.warriner)] + configuration.validation.lexicons.map(store.loadUserLexicon)
        let statistics = UserCorpusStatistics(corpus, dataset: try TaskDataset.load(corpus, from: store), lexicons: lexicons)
        #expect(statistics.corpus.splits.map(\.examples) == [60, 12, 18])
        #expect(statistics.corpus.splits.allSatisfy { Set($0.labels?.keys ?? [:].keys).isSubset(of: ["low", "middle", "high"]) })
        #expect(statistics.corpus.splits.map { $0.labels?.values.reduce(0, +) } == [60, 12, 18])
        // Every fixture word is in both lexicons; the hostile rows' other words are not.
        let warriner = try #require(statistics.coverage["warriner"]), norms = try #require(statistics.coverage["norms"])
        #expect(warriner.covered == 11 && norms.covered == 11 && warriner.types > 11)
        #expect(statistics.table().contains("lexicon coverage of its word types: norms 11/"))
    }

    @Test func checkNamesEachCorpusAndLexiconAndTheFirstProblem() throws {
        let (root, configuration, store) = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(UserDataCheck.run(configuration, store: store).lines == [
            "ok       reviews: 60 / 12 / 18 sentences", "ok       valence: 54 / 6 / 15 sentences",
            "ok       norms: 11 words (\(configuration.validation.lexicons[0].path))",
        ])
        let csv = root.appendingPathComponent("project/data/reviews.csv")
        try Data((try String(contentsOf: csv, encoding: .utf8) + "r/x,test,\"fine\",top\n").utf8).write(to: csv)
        let result = UserDataCheck.run(configuration, store: store)
        #expect(result.failed)
        #expect(result.lines[0] == "FAIL     reviews: " + AtlasError(
            source: csv.path, line: 92, message: "field 'stars': 'top' is not one of the labels",
            hint: "the labels are 'low', 'middle', 'high' (in the configuration's labels:, in class order)").description)
    }
}
