// NarrativePipelineTests: synthetic narratives through training, checkpoint, tracing, validation, content and pages.
import Core
import Foundation
import Testing
@testable import Generator

@Suite(.serialized) struct NarrativePipelineTests {
    static let hostile = "<script>alert(1)</script>"
    static let words: [(String, Double)] = [("good", 1), ("great", 1), ("bad", -1), ("awful", -1), ("the", 0), ("day", 0),
                                            ("a", 0), ("walk", 0), (hostile, 0)]

    /// 26 narratives of 2–5 windows; a window's valence is 3 plus half the balance of its good and bad words.
    static func sequences() -> [NarrativeSequence] {
        var rng = SplitMix64(seed: 11)
        return (0..<26).map { n in
            let split: DataSplit = n < 18 ? .train : n < 21 ? .dev : .test
            let windows = (0..<(2 + n % 4)).map { k -> NarrativeWindow in
                var tokens = (0..<(3 + (n + k) % 4)).map { _ in words[Int(rng.next() % UInt64(words.count))].0 }
                if n == 25 { tokens[0] = hostile }
                let balance = tokens.reduce(0.0) { sum, t in sum + (words.first { $0.0 == t }?.1 ?? 0) }
                return NarrativeWindow(id: "n\(n)-w\(k)", tokens: tokens, valence: 3 + 0.5 * balance, start: Double(k),
                                       end: Double(k + 1))
            }
            return NarrativeSequence(narrative: n == 25 ? "<b>\"n\"&</b>" : "n\(n)", genre: n % 2 == 0 ? "fiction" : "letters",
                                     split: split, windows: windows)
        }
    }

    static let corpus: CorpusSettings = {
        var training = TrainingSettings(phrases: false, epochs: 1, batchSize: 16, learningRate: 1e-2,
                                        embeddingLearningRateMultiplier: 1, warmupSteps: 0)
        training.evaluateEvery = 1000
        return CorpusSettings(id: "narratives", task: .emobankNarrative, model: FixtureCorpora.tiny, training: training,
                              narrative: FixtureCorpora.tinyNarrative)
    }()

    static let silent = TerminalOutput(isInteractive: false) { _ in }

    static var lexicons: [Lexicon] {
        let ratings: [String: Double] = ["good": 7.5, "great": 8, "bad": 2.5, "awful": 1.5, "the": 5, "day": 5.5, "a": 5, "walk": 6]
        let warriner = ratings.mapValues { [EmotionDimension.valence: Rating(mean: $0), .arousal: Rating(mean: 3 + abs($0 - 5))] }
        let vader = ratings.mapValues { [EmotionDimension.valence: Rating(mean: ($0 - 5) * 0.8)] }
        return [Lexicon(name: "warriner", scale: RatingScale(lower: 1, upper: 9, neutral: 5), dimensions: [.valence, .arousal],
                        entries: warriner),
                Lexicon(name: "vader", scale: RatingScale(lower: -4, upper: 4, neutral: 0), dimensions: [.valence], entries: vader)]
    }

    @Test func trainSaveLoadTraceValidateAndRender() async throws {
        let sequences = Self.sequences()
        let trained = try NarrativeTraining.train(Self.corpus, sequences: sequences, seed: 3, threads: 1, output: Self.silent)
        let test = sequences.filter { $0.split == .test }
        #expect(trained.report.testNarratives == test.map(\.id))
        #expect(trained.report.model.sequenceConcordances.count == test.count)
        #expect(trained.report.sentenceModel != nil)
        #expect(trained.report.model.concordance.isFinite && trained.report.genreMean.concordance.isFinite)
        // The terminal summary: the training-mean baseline is constant, so its Pearson r is named undefined, not "nan".
        let summary = NarrativeTraining.summary(trained.report)
        #expect(summary.count == 4 && !summary.joined().contains("nan"))
        #expect(summary[2].contains("Pearson r undefined (constant prediction)"))

        // Checkpoint: the same predictions after a round trip; a renamed tensor is refused by name.
        let folder = try SiteFixture.temporaryFolder("checkpoint")
        try NarrativeCheckpoint.save(trained, task: .emobankNarrative, to: folder)
        var loaded = try NarrativeCheckpoint.load(from: folder)
        var original = trained.model
        let examples = test.map { NarrativeExample($0, vocabulary: trained.vocabulary) }
        #expect(loaded.model.predict(examples) == original.predict(examples))
        #expect(loaded.vocabulary == trained.vocabulary)
        #expect(loaded.sentence.model.parameterValues == trained.sentence.model.parameterValues)
        var tensors = trained.model.checkpointTensors
        tensors[tensors.count - 1].name = "output.gain"
        try Data(Safetensors.encode(tensors)).write(to: folder.appendingPathComponent(ModelCheckpoint.weightsFile))
        #expect(throws: AtlasError.self) { _ = try NarrativeCheckpoint.load(from: folder) }
        tensors = trained.model.checkpointTensors
        tensors[0].tensor = Tensor(shape: [1], scalars: [0])
        try Data(Safetensors.encode(tensors)).write(to: folder.appendingPathComponent(ModelCheckpoint.weightsFile))
        #expect(throws: AtlasError.self) { _ = try NarrativeCheckpoint.load(from: folder) }

        // Tracing: one record per rated window with words, LAT over exactly its words, prediction in context.
        let records = Tracer(model: TraceableNarrativeModel(model: trained.model, vocabulary: trained.vocabulary),
                             options: .attentionOnly(threads: 2)).trace(test)
        #expect(records.count == test.reduce(0) { $0 + $1.windows.count })
        #expect(records.allSatisfy { $0.attributions[.lat]?.scores.count == $0.tokens.count })
        #expect(Set(records.flatMap { $0.attributions.keys })
                == Set(makeAttentionAttributionMethods().map(\.id)).union(DecomposedEncoder.methods))
        let predicted = original.predict(examples).flatMap { $0 }
        #expect(zip(records, predicted).allSatisfy { if case .value(let v) = $0.prediction { abs(v - $1) < 1e-5 } else { false } })

        // Validation and content: the corpora's lexicon statistics, and every test narrative with its curve.
        var settings = ValidationSettings()
        settings.bootstrapResamples = 20
        settings.minimumOccurrences = 1
        let report = try Validation.validate(records, lexicons: Self.lexicons, settings: settings, seed: 0)
        #expect(report.entries.contains { $0.method == MethodID.lat.rawValue && $0.layer == nil })
        let results = CorpusResults(corpus: Self.corpus, dataset: NarrativeData.windowDataset(sequences), metrics: [:],
                                    records: records, report: report, description: "fixture")
        let metrics = NarrativeCheckpoint.Metrics(task: "emobank-narrative", report: trained.report, sentenceModel: [:])
        let section = NarrativeContentBuilder.build(results, metrics: metrics, sequences: test)
        #expect(section.narratives.map(\.id) == test.map(\.id))
        #expect(section.comparison.count == 4)
        #expect(!section.statistics.isEmpty)
        #expect(section.narratives.allSatisfy { $0.windows.allSatisfy { $0.predicted != nil && $0.scores != nil } })

        // Pages: well formed, linked from home and nav, every corpus text escaped.
        var content = SiteContent.fixture(corpora: 1, examples: 1, tokens: 4)
        content.addNarratives(section)
        let site = try await SiteFixture.render(content)
        let problems = try SiteChecker().check(site: site)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        let paths = SitePaths()
        let home = try SiteFixture.read(site, paths.home)
        #expect(home.contains("href=\"\(paths.narratives("narratives"))\""))
        #expect(home.contains(">Narratives</a>"))
        #expect(home.contains("narratives: Spearman ρ with |V − 5|"))
        let index = try SiteFixture.read(site, paths.narratives("narratives"))
        #expect(index.contains("Sentence-level model, window by window"))
        #expect(index.contains("&lt;b&gt;&quot;n&quot;&amp;&lt;/b&gt;"))
        let hostileNarrative = try #require(test.last)
        let page = try SiteFixture.read(site, paths.narrative(corpus: "narratives", narrative: hostileNarrative.id))
        #expect(page.contains("<svg") && page.contains("<title>window 1, true valence: "))
        #expect(page.contains("<title>window 1, predicted: "))
        #expect(page.contains(">&lt;script&gt;alert(1)&lt;/script&gt;</span>"))
        #expect(page.components(separatedBy: "class=\"t s").count - 1 == hostileNarrative.windows.reduce(0) { $0 + $1.tokens.count })
        for file in try SiteChecker.listFiles(site.path) where file.hasSuffix(".html") {
            let html = try SiteFixture.read(site, file)
            #expect(!html.contains("<script>alert"), "raw script in \(file)")
            #expect(!html.contains("<b>\"n\""), "raw narrative id in \(file)")
        }
    }
}

/// The Narratives pages on their own: hostile ids and words, untraced and unrated windows, undefined metrics.
@Suite struct NarrativePageTests {
    @Test func hostileNarrativesRenderEscapedAndWellFormed() async throws {
        var content = SiteContent.fixture(corpora: 1, examples: 1, tokens: 4)
        let section = NarrativeCorpusContent.fixture(from: content, hostile: true)
        content.addNarratives(section)
        let site = try await SiteFixture.render(content)
        let problems = try SiteChecker().check(site: site)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        let paths = SitePaths()
        let page = try SiteFixture.read(site, paths.narrative(corpus: section.id, narrative: section.narratives[0].id))
        #expect(page.contains("Narrative &lt;b&gt;&quot;n&quot;&amp;&lt;/b&gt;"))
        #expect(page.contains(">&lt;script&gt;alert(1)&lt;/script&gt;</span>"))
        #expect(page.contains(">&quot;q&quot; &amp; &#39;a&#39;</span>"))
        #expect(page.contains("title=\"not traced\""))
        #expect(page.contains("true – · predicted 3.40"))
        // The unrated window has no point on the true line.
        #expect(page.components(separatedBy: "true valence: ").count - 1 == 3)
        #expect(page.components(separatedBy: "predicted: ").count - 1 == 4)
        let index = try SiteFixture.read(site, paths.narratives(section.id))
        #expect(index.contains("<td class=\"num\">–</td>"))
        #expect(!index.contains("nan") && !index.contains("NaN"))
        for file in try SiteChecker.listFiles(site.path) where file.hasSuffix(".html") {
            let html = try SiteFixture.read(site, file)
            #expect(!html.contains("<script>alert"), "raw script in \(file)")
            #expect(!html.contains("<b>\"n\""), "raw narrative id in \(file)")
        }
    }
}
