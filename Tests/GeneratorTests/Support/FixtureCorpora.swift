// FixtureCorpora: a tiny SST treebank, EmoBank (with documents) and both lexicons, written with a manifest that
// pins their hashes — the real formats and the real store, small enough for a debug-build test of the whole build.
import Core
import Foundation
@testable import Generator

enum FixtureCorpora {
    /// Words with a sentiment in 0…4 (2 = neutral) and their Warriner valence; one token a browser must not run.
    static let hostile = "<script>alert`1`</script>"
    static let words: [(word: String, sentiment: Int, valence: Double)] = [
        ("great", 4, 8.1), ("good", 3, 7.4), ("fine", 3, 6.2), ("bad", 1, 2.6), ("awful", 0, 1.8), ("dull", 1, 3.1),
        ("the", 2, 5.0), ("film", 2, 5.6), ("plot", 2, 5.2), ("a", 2, 5.0), ("story", 2, 5.9), (hostile, 2, 5.0),
    ]

    /// Writes the data folder and its manifest under `folder` and returns the store that reads them.
    static func write(to folder: URL) throws -> CorpusStore {
        var rng = SplitMix64(seed: 5)
        func pick() -> (word: String, sentiment: Int, valence: Double) { words[Int(rng.next() % UInt64(words.count))] }
        var files: [String: String] = [:]
        // SST: right-branching trees whose label is the rounded mean sentiment of their words.
        for (split, count) in [("train", 48), ("dev", 12), ("test", 12)] {
            files["sst/\(split).txt"] = (0..<count).map { _ in
                tree((0..<(3 + Int(rng.next() % 4))).map { _ in pick() }.map { ($0.word, $0.sentiment) })
            }.joined(separator: "\n") + "\n"
        }
        // EmoBank: 40 documents of 3 sentences in two genres (the narratives' documents; 20 a genre, so that the
        // per-genre document split leaves two in dev and two in test); V from the words.
        var csv = "id,split,V,A,D,text\n", meta = "id\tdocument\tcategory\tsubcategory\n"
        for document in 0..<40 {
            for sentence in 0..<3 {
                let chosen = (0..<(3 + Int(rng.next() % 4))).map { _ in pick() }
                let v = 3 + chosen.map { Double($0.sentiment - 2) }.reduce(0, +) / Double(chosen.count)
                let id = "doc\(document)_\(sentence * 10)_\(sentence * 10 + 9)"
                let split = document < 28 ? "train" : document < 34 ? "dev" : "test"
                let text = chosen.map(\.word).joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"")
                csv += "\(id),\(split),\(String(format: "%.2f", v)),3.0,3.0,\"\(text)\"\n"
                meta += "\(id)\tdoc\(document)\t\(document % 2 == 0 ? "fiction" : "letters")\t\n"
            }
        }
        files["emobank/emobank.csv"] = csv
        files["emobank/meta.tsv"] = meta
        files["lexicons/warriner/BRM-emot-submit.csv"] =
            ",Word,V.Mean.Sum,V.SD.Sum,V.Rat.Sum,A.Mean.Sum,A.SD.Sum,A.Rat.Sum,D.Mean.Sum,D.SD.Sum,D.Rat.Sum\n"
            + words.enumerated().filter { $0.element.word != hostile }.map { i, w in
                "\(i + 1),\(w.word),\(w.valence),1.5,20,\(3 + abs(w.valence - 5)),2,20,5,2,20"
            }.joined(separator: "\n") + "\n"
        files["lexicons/vader/vader_lexicon.txt"] = words.filter { $0.sentiment != 2 }.map { w in
            "\(w.word)\t\(Double(w.sentiment - 2) * 1.5)\t0.5\t[1, 2, 1, 2, 1, 2, 1, 2, 1, 2]"
        }.joined(separator: "\r\n") + "\r\n"

        let data = folder.appendingPathComponent("data")
        for (path, text) in files {
            let url = data.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        func source(_ name: String, _ format: String, _ paths: [String]) -> DataSource {
            DataSource(name: name, title: name, format: format, licence: "fixture", citation: "fixture",
                       url: "https://example.org/\(name)", obtain: "written by the test", optional: nil, package: nil,
                       files: paths.map { DataFile(path: $0, sha256: FileHashing.sha256(of: Array(files[$0]!.utf8))) })
        }
        let manifest = DataManifest(sources: [
            source("sst", "sst-ptb-trees", ["sst/train.txt", "sst/dev.txt", "sst/test.txt"]),
            source("emobank", "emobank-csv", ["emobank/emobank.csv", "emobank/meta.tsv"]),
            source("warriner", "warriner-csv", ["lexicons/warriner/BRM-emot-submit.csv"]),
            source("vader", "vader-tsv", ["lexicons/vader/vader_lexicon.txt"]),
        ])
        let manifestURL = folder.appendingPathComponent("manifest.json")  // JSON is YAML: the manifest's own parser reads it
        try JSONEncoder().encode(manifest).write(to: manifestURL)
        return CorpusStore(manifest: try DataManifest.load(path: manifestURL.path),
                           locator: DataTestSupport.locator(data: data, cache: folder.appendingPathComponent("cache")),
                           manifestPath: manifestURL.path)
    }

    /// `(s (w1) (s' (w2) …))`: every phrase labelled with the rounded mean sentiment of its words.
    static func tree(_ tokens: [(String, Int)]) -> String {
        let label = Int((Double(tokens.map(\.1).reduce(0, +)) / Double(tokens.count)).rounded())
        let leaf = "(\(tokens[0].1) \(tokens[0].0))"
        return tokens.count == 1 ? leaf : "(\(label) \(leaf) \(tree(Array(tokens.dropFirst()))))"
    }

    /// The smallest Transformer that has every part (one layer, two heads).
    static let tiny = ModelSettings(layers: 1, heads: 2, modelWidth: 8, keyWidth: 4, feedForwardWidth: 8, poolingHidden: 4,
                                    classifierHidden: 4)

    /// A four-unit LSTM trained for two epochs in batches of four narratives.
    static let tinyNarrative: NarrativeSettings = {
        var narrative = NarrativeSettings()
        narrative.recurrentWidth = 4
        narrative.epochs = 2
        narrative.batchSize = 4
        narrative.warmupSteps = 0
        return narrative
    }()

    /// The three corpora at test size: SST-5 and EmoBank valence trained here, the narratives of EmoBank's documents.
    static func configuration() -> SiteConfiguration {
        var quick = TrainingSettings(phrases: true, epochs: 1, batchSize: 16, learningRate: 5e-3,
                                     embeddingLearningRateMultiplier: 1, warmupSteps: 0)
        quick.evaluateEvery = 1000
        var sst5 = CorpusSettings(id: "sst5", task: .sst5, model: tiny, training: quick)
        sst5.integratedGradientsSteps = 4
        quick.phrases = false
        var emobank = CorpusSettings(id: "emobank", task: .emobankValence, model: tiny, training: quick)
        emobank.integratedGradientsSteps = 4
        let narratives = CorpusSettings(id: "narratives", task: .emobankNarrative, model: tiny, training: quick,
                                        narrative: tinyNarrative)
        var configuration = SiteConfiguration(profile: .ci)
        configuration.title = "Fixture <Atlas>"
        configuration.corpora = [sst5, emobank, narratives]
        configuration.validation.bootstrapResamples = 20
        configuration.validation.topK = [3]
        configuration.validation.minimumOccurrences = 1
        return configuration
    }
}
