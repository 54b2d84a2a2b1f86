// FaithfulnessContentTests: a faithfulness summary reaches the tables, the per-layer charts, the CSV rows and the
// example pages' rationale underlines.
import Core
import Foundation
import Testing
@testable import Generator

@Suite struct FaithfulnessContentTests {
    /// Two SST test sentences traced with LAT (3 depths) and context attention; faithfulness measured by a
    /// synthetic scorer (p(class 1) grows with the ids kept), so every figure is defined and differs by key.
    /// An empty lexicon report (no public initialiser: decoded from JSON).
    static func emptyReport() throws -> ValidationReport {
        let options = String(decoding: try JSONEncoder().encode(ValidationOptions()), as: UTF8.self)
        return try JSONDecoder().decode(ValidationReport.self,
                                        from: Data("{\"options\":\(options),\"entries\":[],\"correction\":\"\"}".utf8))
    }

    static func results() throws -> CorpusResults {
        let dataset = TaskDataset(task: .sst5, train: [], dev: [], test: [
            CorpusExample(id: "test-1", tokens: ["a", "fine", "film"], target: .classIndex(3), rationale: [0, 1, 0.5]),
            CorpusExample(id: "test-2", tokens: ["it", "is", "long"], target: .classIndex(2), rationale: [0, 0, 0]),
        ], trainingPhrases: [])
        let records = dataset.test.map { example in
            TraceRecord(id: example.id, tokens: example.tokens, label: .classIndex(3), prediction: .classIndex(1),
                        attributions: [.lat: Attribution(scores: [0.1, 0.7, 0.2], layers: [[0.1, 0.7, 0.2], [0.3, 0.3, 0.4], [0.5, 0.2, 0.3]]),
                                       .context: Attribution(scores: [0.2, 0.5, 0.3])])
        }
        let evaluations = records.enumerated().map { i, record in
            let input = FaithfulnessInput(record: record, ids: [1, 2, 3], rationale: dataset.test[i].rationale, randomSeed: UInt64(i))
            let report = Faithfulness().evaluate(tokenIDs: input.ids, attributions: input.attributions, predictedClass: 1) {
                $0.map { s in let p = Float(s.reduce(0, +)) / 10; return [1 - p, p] }
            }
            return ExampleEvaluation(id: record.id, faithfulness: report.results,
                                     plausibility: input.attributions.mapValues { PlausibilityResult(scores: $0, rationale: input.rationale!) },
                                     sequencesScored: report.sequencesScored)
        }
        let summary = FaithfulnessSummary.summarise(evaluations, bins: FaithfulnessBins(), isRegression: false, resamples: 50)
        return CorpusResults(corpus: CorpusSettings(id: "sst5", task: .sst5), dataset: dataset, metrics: [:],
                             records: records, report: try emptyReport(), description: "fixture",
                             faithfulness: summary)
    }

    @Test func tablesChartsAndRowsComeFromTheSummary() throws {
        let r = try Self.results()
        let content = SiteContentBuilder.build(title: "t", results: [r], footer: "")
        // Home: the input scores of LAT, context attention and the random baseline.
        #expect(content.faithfulness.map(\.methodID) == ["lat", "context", "random"])
        #expect(content.methods.contains { $0.id == "random" })
        let lat = try #require(content.faithfulness.first)
        let comprehensiveness = try #require(lat.cells[0])
        expectNear(comprehensiveness.estimate, r.faithfulness!.figures[.comprehensiveness]![AttributionKey(.lat)]!.mean)
        #expect(lat.cells[2]?.n == 1, "AUPRC is undefined for the all-neutral sentence")
        // Corpus: every key (LAT's depths 1 and 2; depth 0 repeats its input scores), four charts, CSV rows.
        let corpus = try #require(content.corpora.first)
        #expect(corpus.faithfulness.map(\.layer) == ["", "layer 1", "layer 2", "", ""])
        let charts = corpus.layerSeries.filter { $0.statistic.contains("AOPC") || $0.statistic.contains("rationale") }
        #expect(charts.count == 4 && charts[0].lines.map(\.methodID) == ["lat"])
        #expect(charts[0].lines[0].values.allSatisfy { $0 != nil })
        #expect(corpus.statistics.contains { $0.statistic.hasPrefix("comprehensiveness AOPC") && $0.layer == "layer 2" })
        #expect(DataFiles.csv(corpus.statistics).contains("lat,layer 1,token F1 vs human rationale (↑)"))
        #expect(corpus.examples.map { $0.rationale } == [[0, 1, 0.5], [0, 0, 0]])
        #expect(content.downloads.contains { $0.path == "data/sst5-faithfulness.json" })
    }

    @Test func pagesShowTablesAndUnderlineRationales() async throws {
        let content = SiteContent.fixture()
        let site = try await SiteFixture.render(content)
        let paths = SitePaths()
        let home = try SiteFixture.read(site, paths.home)
        #expect(home.contains("id=\"faithfulness\"") && home.contains("Comprehensiveness AOPC"))
        let corpus = content.corpora[0]
        #expect(try SiteFixture.read(site, paths.corpus(corpus.id)).contains("class=\"stats faith\""))
        let first = try SiteFixture.read(site, paths.example(corpus: corpus.id, example: corpus.examples[0].id))
        #expect(first.contains(" rationale\">") && first.contains("the human rationale, the words"))
        let neutral = try SiteFixture.read(site, paths.example(corpus: corpus.id, example: corpus.examples[2].id))
        #expect(!neutral.contains(" rationale\">") && neutral.contains("has no human rationale"))
        let other = content.corpora[1]
        let plain = try SiteFixture.read(site, paths.example(corpus: other.id, example: other.examples[0].id))
        #expect(!plain.contains("rationale-legend"))
        let methods = try SiteFixture.read(site, paths.methods)
        #expect(methods.contains("id=\"stat-comprehensiveness\"") && methods.contains("re-packs"))
    }

    @Test func stepCanBeForcedByName() {
        #expect(BuildCommand.stepNames.contains(FaithfulnessStep().name))
    }

    func expectNear(_ a: Double, _ b: Double) { #expect(abs(a - b) < 1e-12, "\(a) vs \(b)") }
}
