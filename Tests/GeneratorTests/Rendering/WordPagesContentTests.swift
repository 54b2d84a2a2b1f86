// WordPagesContentTests: only the words the site links to get a page; a sentence traced by two models is listed once.
import Core
import Foundation
import Testing
@testable import Generator

@Suite struct WordPagesContentTests {
    /// A lexicon report whose LAT entry rates `rated` and lists `top` as its top-attended words (decoded from JSON:
    /// the report has no public initialiser).
    static func report(rated: [String: Double], top: [String]) throws -> ValidationReport {
        let options = String(decoding: try JSONEncoder().encode(ValidationOptions()), as: UTF8.self)
        let scatter = rated.keys.sorted().map { "{\"word\":\"\($0)\",\"valence\":\(rated[$0]!),\"meanScore\":0.5,\"n\":2}" }
        let topWords = top.map { "{\"word\":\"\($0)\",\"meanScore\":0.5,\"occurrences\":2,\"ratings\":{}}" }
        let entry = """
            {"method":"lat","isBaseline":false,"aggregation":{"wordTypes":3,"typesBeforeFilter":3,"occurrences":6,\
            "nonFiniteScoresDropped":0,"minimumOccurrences":2},"targets":[],"topWords":[\(topWords.joined(separator: ","))],\
            "scatter":[\(scatter.joined(separator: ","))]}
            """
        return try JSONDecoder().decode(ValidationReport.self, from: Data(
            "{\"options\":\(options),\"entries\":[\(entry)],\"correction\":\"\"}".utf8))
    }

    static func results(id: String, report: ValidationReport) -> CorpusResults {
        let dataset = TaskDataset(task: .sst5, train: [], dev: [], test: [
            CorpusExample(id: "test-1", tokens: ["a", "fine", "film"], target: .classIndex(3)),
            CorpusExample(id: "test-2", tokens: ["a", "dull", "film"], target: .classIndex(1)),
        ], trainingPhrases: [])
        let records = dataset.test.map { example in
            TraceRecord(id: example.id, tokens: example.tokens, label: .classIndex(3), prediction: .classIndex(1),
                        attributions: [.lat: Attribution(scores: [0.1, 0.7, 0.2], layers: [[0.1, 0.7, 0.2]])])
        }
        return CorpusResults(corpus: CorpusSettings(id: id, task: .sst5), dataset: dataset, metrics: [:],
                             records: records, report: report, description: "fixture", faithfulness: nil)
    }

    @Test func onlyLinkedWordsGetPagesAndRepeatedSentencesAreListedOnce() throws {
        let rated = ["fine": 7.1, "dull": 2.9, "film": 5.9]
        let scratch = Self.results(id: "sst5", report: try Self.report(rated: rated, top: ["fine", "dull"]))
        let second = Self.results(id: "sst5-minilm", report: try Self.report(rated: rated, top: ["fine"]))
        let content = SiteContentBuilder.build(title: "t", results: [scratch, second], footer: "")
        #expect(WordPagesBuilder.linkedWords(content.corpora) == ["fine", "dull"])
        // "film" is rated and frequent, but no page links to it: no page.
        #expect(content.words.map(\.word) == ["dull", "fine"])
        // "fine" occurs in test-1 under both models: one occurrence; its mean LAT score is the first model's.
        let fine = try #require(content.words.first { $0.word == "fine" })
        #expect(fine.occurrences.map(\.exampleID) == ["test-1"])
        #expect(fine.occurrences[0].before == "a" && fine.occurrences[0].after == "film")
        #expect(fine.meanScores.first { $0.methodID == "lat" }?.score == Double(Float(0.7)))
    }
}
