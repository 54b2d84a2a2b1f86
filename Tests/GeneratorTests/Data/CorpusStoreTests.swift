// CorpusStoreTests: locate → verify → parse on a temporary data folder, and the real fetched lexicons.
import Core
import Foundation
import Testing
@testable import Generator

@Suite struct CorpusStoreTests {
    static let trees = ["(3 (2 A) (3 good))\n", "(1 bad)\n", "(2 (2 so) (2 so))\n"]

    /// A store over a temporary --data-dir holding a three-tree SST, with a manifest of their real hashes.
    static func toyStore(corrupt: Bool = false, trees: [String] = trees) throws -> (CorpusStore, URL) {
        let data = try DataTestSupport.temporaryFolder()
        var files: [DataFile] = []
        for (name, tree) in zip(["train", "dev", "test"], trees) {
            let path = "sst/\(name).txt"
            try DataTestSupport.write(tree, to: data.appendingPathComponent(path))
            files.append(DataFile(path: path, sha256: FileHashing.sha256(of: Array(tree.utf8))))
        }
        if corrupt { try DataTestSupport.write("(4 great)\n", to: data.appendingPathComponent("sst/dev.txt")) }
        let source = DataSource(name: "sst", title: "SST", format: "sst-ptb-trees", licence: "l", citation: "c",
                                url: "https://example.org", obtain: "copy it", optional: nil, package: nil, files: files)
        let store = CorpusStore(manifest: DataManifest(sources: [source]),
                                locator: DataTestSupport.locator(data: data, cache: data.appendingPathComponent("cache")))
        return (store, data)
    }

    @Test func loadsVerifiedSST() throws {
        let (store, _) = try Self.toyStore()
        let sst = try store.loadSST()
        #expect(sst.train.map(\.tokens) == [["A", "good"]])
        #expect(sst.dev.map(\.label) == [1] && sst.test.count == 1)
    }

    /// SST-2 trains on the polar phrases of every training tree, the neutral sentence's included; SST-5 on all.
    @Test func sst2PhrasesComeFromEveryTrainingTree() throws {
        let (store, _) = try Self.toyStore(trees: ["(2 (3 good) (1 bad))\n(4 (4 great) (2 so))\n", "(1 bad)\n", "(3 fine)\n"])
        let sst2 = try TaskDataset.load(CorpusSettings(id: "sst2", task: .sst2), from: store)
        #expect(sst2.train.map(\.tokens) == [["great", "so"]], "sentences: polar ones only")
        #expect(sst2.trainingPhrases.map(\.tokens) == [["good"], ["bad"], ["great", "so"], ["great"]])
        #expect(sst2.trainingPhrases.map(\.target) == [.classIndex(1), .classIndex(0), .classIndex(1), .classIndex(1)])
        let sst5 = try TaskDataset.load(CorpusSettings(id: "sst5", task: .sst5), from: store)
        #expect(sst5.trainingPhrases.count == 6)
        #expect(try TaskDataset.load(CorpusSettings(id: "sst5", task: .sst5, training: TrainingSettings(phrases: false)), from: store).trainingPhrases.isEmpty)
    }

    @Test func checksumMismatchStopsLoading() throws {
        let (store, data) = try Self.toyStore(corrupt: true)
        let path = data.appendingPathComponent("sst/dev.txt").standardizedFileURL.path
        let expected = FileHashing.sha256(of: Array(Self.trees[1].utf8))
        let found = FileHashing.sha256(of: Array("(4 great)\n".utf8))
        #expect(throws: AtlasError(source: path, message: "checksum mismatch: expected SHA-256 \(expected), found \(found)",
                                   hint: "the file is damaged or a different version; delete it and obtain it again (see corpora/README.md)")) {
            try store.loadSST()
        }
    }

    @Test func checkReportsEachFile() throws {
        let (store, _) = try Self.toyStore(corrupt: true)
        let results = DataCheck(store: store).run()
        #expect(results.map(\.isProblem) == [false, true, false])
    }

    /// The real lexicons, as `atlas data fetch` leaves them in corpora/cache (CI fetches before testing).
    /// A missing cache fails here with the path tried and the command to run.
    @Test func realLexiconsFromCache() throws {
        let store = CorpusStore(manifest: try DataTestSupport.realManifest(),
                                locator: DataTestSupport.locator(data: nil, cache: DataTestSupport.packageRoot.appendingPathComponent("corpora/cache")))
        let lexicons = try LexiconKind.allCases.map { kind in
            do {
                return try store.loadLexicon(kind)
            } catch let error as AtlasError {
                Issue.record("lexicon \(kind) not available — run `swift run atlas data fetch` first:\n\(error)")
                throw error
            }
        }
        #expect(lexicons.map(\.rowCount) == [13_915, 7_520, 10_222, 1_030])
        let warriner = lexicons[0]
        #expect(warriner.count == 13_905)
        #expect(warriner.rating(of: "happy", on: .valence)?.mean == 8.47)
    }
}
