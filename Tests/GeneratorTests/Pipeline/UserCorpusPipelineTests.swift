// UserCorpusPipelineTests: a user's own corpora (a CSV classifier with hostile text, a JSON Lines regression) through
// every step of `atlas build` to a checked site, and the configuration's errors for them.
import Core
import Foundation
import Testing
@testable import Generator

@Suite(.serialized) struct UserCorpusPipelineTests {
    /// Texts a page must show as text: markup, attribute breakers, comment and CDATA openers, Mustache braces, path
    /// parts, a right-to-left override, emoji, combining accents.
    static let hostileTexts = [
        "<script>alert(1)</script> great film", "\"onmouseover=alert(1) x=\" good plot", "</textarea><!-- awful ]]>",
        "{{title}} {{{title}}} fine story", "../../etc/passwd / bad", "\u{202E}txt.exe great", "😀 good e\u{301}te\u{301}",
    ]

    /// Writes `reviews.csv` (one file, split by a field; three labels) and `valence.jsonl` (train and test files,
    /// no dev: the last tenth of train) into `folder`, with sentences of the fixture words so the lexicons cover them.
    static func writeCorpora(to folder: URL) throws {
        var rng = SplitMix64(seed: 9)
        let words = FixtureCorpora.words.filter { $0.word != FixtureCorpora.hostile }
        func sentence() -> (text: String, sentiment: Double) {
            let chosen = (0..<(3 + Int(rng.next() % 4))).map { _ in words[Int(rng.next() % UInt64(words.count))] }
            return (chosen.map(\.word).joined(separator: " "), chosen.map { Double($0.sentiment - 2) }.reduce(0, +) / Double(chosen.count))
        }
        func csvField(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var csv = "id,split,review,stars\n"
        for i in 0..<90 {
            let split = i < 60 ? "train" : i < 72 ? "dev" : "test"
            var (text, sentiment) = sentence()
            if split == "test", i - 72 < hostileTexts.count { text = hostileTexts[i - 72] }
            if i == 88 { text = (0..<400).map { _ in words[Int(rng.next() % UInt64(words.count))].word }.joined(separator: " ") }
            if i == 89 { text = "   " }   // allow_empty: a sentence of no words
            let label = sentiment < -0.3 ? "low" : sentiment > 0.3 ? "high" : "middle"
            csv += "r/\(i),\(split),\(csvField(text)),\(label)\n"
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(csv.utf8).write(to: folder.appendingPathComponent("reviews.csv"))
        // A lexicon of our own on a 0–1 scale (neutral 0.5), as NRC VAD rates.
        let lexicon = "term\tv\n" + words.map { "\($0.word)\t\(String(format: "%.3f", ($0.valence - 1) / 8))" }.joined(separator: "\n") + "\n"
        try Data(lexicon.utf8).write(to: folder.appendingPathComponent("norms.tsv"))
        for (split, count) in [("train", 60), ("test", 15)] {
            let lines = (0..<count).map { i -> String in
                let (text, sentiment) = sentence()
                return #"{"sentence": "\#(text)", "v": \#(String(format: "%.2f", 3 + sentiment)), "n": \#(i)}"#
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("valence-\(split).jsonl"))
        }
    }

    static let yaml = """
        title: Your corpora
        profile: ci
        seeds: 1
        corpora:
          - id: reviews
            name: Reviews <b>three</b>
            task: classification
            format: csv
            file: data/reviews.csv
            split_field: split
            id_field: id
            text_field: review
            label_field: stars
            labels: [low, middle, high]
            allow_empty: true
            model: {layers: 1, heads: 2, model_width: 8, key_width: 4, feed_forward_width: 8, pooling_hidden: 4, classifier_hidden: 4}
            training: {epochs: 1, batch_size: 16, learning_rate: 0.005, embedding_lr_multiplier: 1, warmup_steps: 0, evaluate_every: 1000}
            ig_steps: 4
            randomisation_examples: 5
          - id: valence
            task: regression
            format: jsonl
            files: {train: data/valence-train.jsonl, test: data/valence-test.jsonl}
            text_field: sentence
            label_field: v
            lowercase: true
            model: {layers: 1, heads: 2, model_width: 8, key_width: 4, feed_forward_width: 8, pooling_hidden: 4, classifier_hidden: 4}
            training: {epochs: 1, batch_size: 16, learning_rate: 0.005, embedding_lr_multiplier: 1, warmup_steps: 0, evaluate_every: 1000}
            ig_steps: 4
            randomisation_examples: 0
        validation:
          bootstrap_resamples: 100
          top_k: [3]
          min_occurrences: 1
          lexicons:
            - {name: norms, file: data/norms.tsv, word_column: term, value_column: v, neutral: 0.5}
        """

    @Test func userCorporaBuildACheckedSiteThatShowsTheirLabelsAndEscapesTheirText() async throws {
        let root = try DataTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try FixtureCorpora.write(to: root.appendingPathComponent("corpora"))
        let project = root.appendingPathComponent("project")
        try Self.writeCorpora(to: project.appendingPathComponent("data"))
        let configPath = project.appendingPathComponent("site.yml").path
        try Data(Self.yaml.utf8).write(to: URL(fileURLWithPath: configPath))
        let configuration = try SiteConfiguration.load(path: configPath)

        let cache = root.appendingPathComponent("cache/build"), site = root.appendingPathComponent("site")
        let lines = PipelineRunnerTests.Lines()
        var context = BuildContext(configuration: configuration, configurationSource: configPath, store: store,
                                   cacheFolder: cache, outputFolder: site, templatesFolder: SiteFixture.templates,
                                   threads: 2, forced: [], output: lines.output())
        context.renderer = try await SiteFixture.renderer()
        _ = try PipelineRunner(cacheFolder: cache, forced: [], output: lines.output()).run(BuildCommand.steps, context: &context)
        let log = lines.all
        // One file split by a field; no dev file: the last tenth of the 60 training rows (6) is the dev set.
        #expect(log.contains("reviews: 60 / 12 / 18 sentences"))
        #expect(log.contains("valence: 54 / 6 / 15 sentences"))

        let files = try BuildPipelineTests.files(site)
        let corpus = String(decoding: try #require(files["corpora/reviews.html"]), as: UTF8.self)
        #expect(corpus.contains("Reviews &lt;b&gt;three&lt;/b&gt;"))
        #expect(corpus.contains("classifier of 3 labels (low, middle, high)"))
        #expect(!corpus.contains("Published (Wu et al. 2020)"), "the paper has no figures for a user's corpus")
        // Every example page: the declared label names; no corpus text as markup; ids slugged, never a path.
        let examples = files.filter { $0.key.hasPrefix("examples/reviews/") }
        #expect(examples.count == 18)
        #expect(examples.values.allSatisfy { page in
            let text = String(decoding: page, as: UTF8.self)
            return ["low", "middle", "high"].contains { text.contains("<dd>\($0)</dd>") || text.contains(">\($0)<") }
        })
        let pages = files.filter { $0.key.hasSuffix(".html") || $0.key.hasSuffix(".svg") }.values.map { String(decoding: $0, as: UTF8.self) }
        for raw in ["<script>alert(1)", "\"onmouseover=", "</textarea><!--", "{{{title}}}"] {
            #expect(pages.allSatisfy { !$0.contains(raw) }, "\(raw) reached a page unescaped")
        }
        #expect(!files.keys.contains { $0.contains("..") || $0.contains("passwd") })
        // In a browser (when Chromium is installed): the pages' script runs, and no element or event attribute came
        // from the corpus text. The dumped DOM escapes text and quotes every attribute value (a quote inside one is
        // &quot;), so `<img` or ` onmouseover="` can only be markup; `onmouseover=alert` inside a value is text.
        if chromiumPath != nil {
            let hostilePages = ["corpora/reviews.html"] + (72..<(72 + Self.hostileTexts.count)).map {
                SitePaths().example(corpus: "reviews", example: "r/\($0)")
            }
            for page in hostilePages {
                let dom = try BrowserTests.runChromium(["--dump-dom", site.appendingPathComponent(page).absoluteString])
                #expect(dom.contains("class=\"js\""), "\(page): the site script ran")
                #expect(dom.matches(of: /<(img|iframe|textarea|object|embed)\b/).isEmpty && !dom.contains("<script>alert"),
                        "\(page): an element from corpus text")
                #expect(dom.matches(of: /<[^>]*\son[a-z]+="/).isEmpty, "\(page): an event attribute from corpus text")
            }
        }
        // The empty text is traced with no tokens and no scores, lengths equal.
        let records = try #require(context.traces["reviews-seed0"])
        let empty = try #require(records.first { $0.id == "r/89" })
        #expect(empty.tokens.isEmpty && empty.attributions.values.allSatisfy { $0.scores.isEmpty })
        #expect(records.allSatisfy { r in r.attributions.values.allSatisfy { $0.scores.count == r.tokens.count } })
        let emptyPage = String(decoding: try #require(files[SitePaths().example(corpus: "reviews", example: "r/89")]), as: UTF8.self)
        #expect(emptyPage.contains("This text is empty"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("corpora/valence.html").path))
        // The user's lexicon: loaded beside the built-in ones and a target of every method's statistics.
        #expect(log.contains("lexicons: warriner 11, vader 6, norms 11"))
        let table = String(decoding: try #require(files[SitePaths().statisticsTable("reviews")]), as: UTF8.self)
        #expect(table.contains("norms |valence − neutral|"))
    }

    @Test func aBadRowNamesItsFileLineAndFieldAndLeavesThePreviousSite() async throws {
        let root = try DataTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try FixtureCorpora.write(to: root.appendingPathComponent("corpora"))
        let project = root.appendingPathComponent("project")
        try Self.writeCorpora(to: project.appendingPathComponent("data"))
        let csv = project.appendingPathComponent("data/reviews.csv")
        var text = try String(contentsOf: csv, encoding: .utf8)
        text = text.replacingOccurrences(of: "r/5,train,", with: "r/5,train,\"so so\",meh\nr/5b,train,")
        try Data(text.utf8).write(to: csv)
        let configPath = project.appendingPathComponent("site.yml").path
        try Data(Self.yaml.utf8).write(to: URL(fileURLWithPath: configPath))
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("previous".utf8).write(to: site.appendingPathComponent("index.html"))

        var context = BuildContext(configuration: try SiteConfiguration.load(path: configPath), configurationSource: configPath,
                                   store: store, cacheFolder: root.appendingPathComponent("cache/build"), outputFolder: site,
                                   templatesFolder: SiteFixture.templates, threads: 2, forced: [], output: BuildPipelineTests.silent)
        context.renderer = try await SiteFixture.renderer()
        let path = project.appendingPathComponent("data/reviews.csv").path
        let error = #expect(throws: PipelineError.self) {
            _ = try PipelineRunner(cacheFolder: root.appendingPathComponent("cache/build"), forced: [],
                                   output: BuildPipelineTests.silent).run(BuildCommand.steps, context: &context)
        }
        #expect(error?.underlying as? AtlasError == AtlasError(
            source: path, line: 7, message: "field 'stars': 'meh' is not one of the labels",
            hint: "the labels are 'low', 'middle', 'high' (in the configuration's labels:, in class order)", step: "data"))
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "previous")
    }

    /// The user files are read and hashed once a build (`digestInputFiles`), not at each of the many key lookups;
    /// the key follows the bytes and how they are read, not where the files are.
    @Test func userFilesAreHashedOnceABuildAndKeyedByTheirBytes() throws {
        let root = try DataTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try FixtureCorpora.write(to: root.appendingPathComponent("corpora"))
        func context(_ project: URL) throws -> BuildContext {
            try Self.writeCorpora(to: project.appendingPathComponent("data"))
            let configPath = project.appendingPathComponent("site.yml").path
            try Data(Self.yaml.utf8).write(to: URL(fileURLWithPath: configPath))
            return BuildContext(command: try SiteConfiguration.load(path: configPath), store: store, threads: 1,
                                output: BuildPipelineTests.silent)
        }
        var first = try context(root.appendingPathComponent("one"))
        try first.digestInputFiles()
        let run = first.configuration.runs[0]
        let key = try first.modelKey(run), validation = try first.validationKey(run)
        #expect(first.fileDigests.count == 4, "reviews.csv, the two valence files, norms.tsv")
        // The same files elsewhere: the same keys.
        let elsewhere = try context(root.appendingPathComponent("two"))
        #expect(elsewhere.configuration.runs[0].corpus.data?.baseDirectory != run.corpus.data?.baseDirectory)
        #expect(try elsewhere.modelKey(elsewhere.configuration.runs[0]) == key)
        // Changed on disk after the build hashed them: this build's keys stay; the next build's follow the bytes.
        let reviews = root.appendingPathComponent("one/data/reviews.csv")
        try Data((try String(contentsOf: reviews, encoding: .utf8) + "r/90,train,good,high\n").utf8).write(to: reviews)
        #expect(try first.modelKey(run) == key && first.validationKey(run) == validation)
        var next = try BuildContext(command: SiteConfiguration.load(path: root.appendingPathComponent("one/site.yml").path),
                                    store: store, threads: 1, output: BuildPipelineTests.silent)
        try next.digestInputFiles()
        #expect(try next.modelKey(run) != key)
    }
}
