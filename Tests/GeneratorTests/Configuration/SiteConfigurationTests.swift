import Core
import Testing
@testable import Generator

@Suite struct SiteConfigurationTests {
    @Test func emptyFileGivesTheFullDefaults() throws {
        let configuration = try SiteConfiguration.parse(yaml: "", source: "site.yml")
        #expect(configuration == SiteConfiguration(profile: .full))
        #expect(configuration.corpora.map(\.id) == ["sst5", "emobank", "sst5-minilm", "narratives"])
        #expect(configuration.corpora[0].training.epochs == 2.5)
        #expect(configuration.corpora[0].training.minutes == nil)
        // The two sentence models start from GloVe; MiniLM is loaded and the narrative model has its own recipe.
        #expect(configuration.corpora.prefix(2).allSatisfy { $0.model.glove == true && $0.model.gloveWords == 100_000 })
        #expect(configuration.corpora.prefix(2).map(\.training.wordDropout) == [0.05, 0.05])
        #expect(configuration.corpora[1].training.epochs == 8 && !configuration.corpora[1].training.phrases)
        #expect(configuration.validation.bootstrapResamples == 1000)
    }

    @Test func profileCIIsSmall() throws {
        let configuration = try SiteConfiguration.parse(yaml: "profile: ci\n", source: "site.yml")
        #expect(configuration.profile == .ci)
        #expect(configuration.corpora.allSatisfy { ($0.maxExamples ?? .max) <= 300 })
        #expect(configuration.corpora.filter { $0.model.load == nil }.allSatisfy { $0.model.layers == 2 })
    }

    @Test func missingFieldsTakeDefaults() throws {
        let yaml = """
            seed: 7
            corpora:
              - id: sst2
                task: sst2
                training:
                  minutes: 3
            """
        let configuration = try SiteConfiguration.parse(yaml: yaml, source: "site.yml")
        #expect(configuration.seed == 7)
        #expect(configuration.corpora.count == 1)
        #expect(configuration.corpora[0].training.minutes == 3)
        #expect(configuration.corpora[0].training.batchSize == 64)
        #expect(configuration.corpora[0].split == "test")
    }

    @Test func unknownFieldIsNamedWithItsLine() {
        let yaml = """
            seed: 1
            corpora:
              - id: sst5
                task: sst5
                trainng:
                  minutes: 3
            """
        #expect(throws: AtlasError(
            source: "site.yml", line: 5, column: 5,
            message: "corpora[0].trainng: unknown field; the fields known here are id, ig_steps, max_examples, methods, "
                + "model, narrative, randomisation_examples, seeds, split, task, training",
            excerpt: "    trainng:")) {
            try SiteConfiguration.parse(yaml: yaml, source: "site.yml")
        }
    }

    @Test func wrongTypeIsNamedWithItsLine() {
        let yaml = """
            corpora:
              - id: sst5
                task: sst5
                training:
                  minutes: ten
            """
        #expect(throws: AtlasError(source: "site.yml", line: 5, column: 7,
                                   message: "corpora[0].training.minutes: expected a number, found 'ten'",
                                   excerpt: "      minutes: ten")) {
            try SiteConfiguration.parse(yaml: yaml, source: "site.yml")
        }
    }

    @Test(arguments: [
        ("corpora: []", "corpora: at least one corpus is needed"),
        ("corpora:\n  - {id: a, task: sst5, split: valid}", "corpora[0].split: 'valid' is not one of train, dev, test"),
        ("corpora:\n  - {id: a, task: sst5}\n  - {id: a, task: sst2}", "corpora[1].id: 'a' is used twice"),
        ("corpora:\n  - {id: e, task: emobank-valence}", "corpora[0].training.phrases: EmoBank has no phrase labels; set phrases: false"),
        ("validation: {bootstrap_resamples: 10}", "validation.bootstrap_resamples: use at least 100 resamples (1,000 or more for published numbers)"),
        ("corpora:\n  - {id: a, task: sst5, model: {heads: 0}}", "corpora[0].model.heads: must be at least 1, got 0"),
        ("corpora:\n  - {id: a, task: sst5, model: {layers: 0}}", "corpora[0].model.layers: must be at least 1, got 0"),
        ("corpora:\n  - {id: a, task: sst2, model: {dropout: 1}}", "corpora[0].model.dropout: must be in [0, 1), got 1.0"),
        ("corpora:\n  - {id: a, task: sst5, model: {glove_words: 100}}", "corpora[0].model.glove_words: needs glove: true"),
        ("corpora:\n  - {id: a, task: sst5, training: {word_dropout: 1}}", "corpora[0].training.word_dropout: must be in [0, 1)"),
    ])
    func invalidValuesAreRejectedNamingTheField(yaml: String, message: String) {
        #expect(throws: AtlasError(source: "site.yml", message: message)) {
            try SiteConfiguration.parse(yaml: yaml, source: "site.yml")
        }
    }

    @Test func unknownTaskIsRejected() {
        #expect(throws: AtlasError.self) {
            try SiteConfiguration.parse(yaml: "corpora:\n  - {id: a, task: imdb}", source: "site.yml")
        }
    }

    @Test func profilesTrainThreeSeedsInFullAndTwoInCI() throws {
        let full = SiteConfiguration(profile: .full), ci = SiteConfiguration(profile: .ci)
        #expect(full.runs.count == 3 * full.corpora.count && ci.runs.count == 2 * ci.corpora.count)
        // Corpus by corpus, seeds counted from the site's seed; the first of each corpus is the one pages show.
        #expect(ci.runs.map(\.stem).prefix(4) == ["sst5-seed0", "sst5-seed1", "emobank-seed0", "emobank-seed1"])
        #expect(ci.runs.map(\.isPrimary).prefix(4) == [true, false, true, false])
    }

    @Test func seedsAreACountFromTheSiteSeedOrAListAndACorpusMayHaveItsOwn() throws {
        let yaml = """
            seed: 10
            seeds: 2
            corpora:
              - {id: a, task: sst5}
              - {id: b, task: sst2, seeds: [7, 3, 5]}
              - {id: c, task: sst5, seeds: 1}
            """
        var configuration = try SiteConfiguration.parse(yaml: yaml, source: "site.yml")
        #expect(configuration.runs.map(\.name) == ["a seed 10", "a seed 11", "b seed 7", "b seed 3", "b seed 5", "c seed 10"])
        configuration.overrideSeeds(count: 3)  // atlas build --seeds 3
        #expect(configuration.runs.map(\.name) == ["a seed 10", "a seed 11", "a seed 12", "b seed 10", "b seed 11",
                                                   "b seed 12", "c seed 10", "c seed 11", "c seed 12"])
    }

    @Test(arguments: [
        ("seeds: 0", 1, "seeds: a count must be at least 1, got 0"),
        ("seeds: [1, 1]", 1, "seeds: the list must be non-empty and without repeats, got [1, 1]"),
        ("corpora:\n  - id: a\n    task: sst5\n    seeds: three", 4,
         "corpora[0].seeds: expected a count (seeds: 3) or a list of non-negative integers (seeds: [0, 1, 2]), found 'three'"),
    ])
    func badSeedsAreNamedWithTheirLine(yaml: String, line: Int, message: String) {
        #expect {
            try SiteConfiguration.parse(yaml: yaml, source: "site.yml")
        } throws: { error in
            guard let error = error as? AtlasError else { return false }
            if error.line != line || error.message != message { Issue.record("line \(error.line ?? -1): \(error.message)") }
            return error.source == "site.yml"
        }
    }
}
