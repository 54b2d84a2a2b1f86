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
            message: "corpora[0].trainng: unknown field; the fields known here are allow_empty, description, file, "
                + "files, format, id, id_field, ig_steps, label_field, labels, lowercase, max_examples, methods, model, "
                + "name, narrative, randomisation_examples, rationale_field, seeds, sha256, split, split_field, task, "
                + "text_field, training",
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

    /// Each `validate` problem names the field and sits at its line and column (the key, or the nearest entry
    /// that exists), with that line quoted.
    @Test(arguments: [
        ("corpora: []", "corpora: at least one corpus is needed", 1, 1),
        ("corpora:\n  - {id: a, task: sst5, split: valid}", "corpora[0].split: 'valid' is not one of train, dev, test", 2, 25),
        ("corpora:\n  - {id: a, task: sst5}\n  - {id: a, task: sst2}", "corpora[1].id: 'a' is used twice", 3, 6),
        ("corpora:\n  - {id: e, task: emobank-valence}", "corpora[0].training.phrases: EmoBank has no phrase labels; set phrases: false", 2, 5),
        ("validation: {bootstrap_resamples: 10}", "validation.bootstrap_resamples: use at least 100 resamples (1,000 or more for published numbers)", 1, 14),
        ("corpora:\n  - {id: a, task: sst5, model: {heads: 0}}", "corpora[0].model.heads: must be at least 1, got 0", 2, 33),
        ("corpora:\n  - {id: a, task: sst5, model: {layers: 0}}", "corpora[0].model.layers: must be at least 1, got 0", 2, 33),
        ("corpora:\n  - {id: a, task: sst2, model: {dropout: 1}}", "corpora[0].model.dropout: must be in [0, 1), got 1.0", 2, 33),
        ("corpora:\n  - {id: a, task: sst5, model: {glove_words: 100}}", "corpora[0].model.glove_words: needs glove: true", 2, 33),
        ("corpora:\n  - {id: a, task: sst5, training: {word_dropout: 1}}", "corpora[0].training.word_dropout: must be in [0, 1)", 2, 36),
        // A user's corpus.
        ("corpora:\n  - {id: r, task: classification}", "corpora[0]: task classification needs its data: format: and files: (or file: with split_field:)", 2, 5),
        ("corpora:\n  - {id: r, task: classification, format: csv, files: {train: a.csv, test: b.csv}}", "corpora[0].labels: a classification corpus lists at least two labels, in class order", 2, 5),
        ("corpora:\n  - {id: r, task: classification, format: csv, files: {train: a.csv, test: b.csv}, labels: [x, x]}", "corpora[0].labels: a label is listed twice", 2, 84),
        ("corpora:\n  - {id: r, task: regression, format: tsv, file: all.tsv}", "corpora[0].split_field: one file: needs split_field: naming the field with train, dev or test", 2, 5),
        ("corpora:\n  - {id: r, task: regression, format: tsv, file: all.tsv, split_field: s, files: {train: a}}", "corpora[0].files: give either files: (one per split) or file: with split_field:, not both", 2, 75),
        ("corpora:\n  - {id: r, task: regression, format: csv, files: {train: a, valid: c}}", "corpora[0].files.valid: 'valid' is not a split; the splits are train, dev, test", 2, 62),
        ("corpora:\n  - {id: r, task: regression, format: csv, files: {train: a}}", "corpora[0].files: train and test are needed (dev is optional: without it the last tenth of train is the dev set)", 2, 44),
        ("corpora:\n  - {id: r, task: regression, format: csv, files: {train: a, test: b}, labels: [x, y]}", "corpora[0].labels: labels: is for classification; a regression label is a number", 2, 72),
        ("corpora:\n  - {id: r, task: regression, format: csv, files: {train: a, test: b}, sha256: {c: abc}}", "corpora[0].sha256.c: names no file of this corpus", 2, 81),
        ("corpora:\n  - {id: r, task: regression, format: csv, files: {train: a, test: b}, sha256: {a: abc}}", "corpora[0].sha256.a: a SHA-256 is 64 hex digits", 2, 81),
        ("corpora:\n  - {id: r, task: sst5, format: csv, files: {train: a, test: b}}", "corpora[0].task: a corpus with its own files has task classification or regression", 2, 13),
        ("corpora:\n  - {id: r, task: regression, format: csv, files: {train: a, test: b}, model: {load: m}}", "corpora[0].model.load: the head trained on a loaded encoder is a classifier; use task classification", 2, 80),
        // A user's lexicon.
        ("validation:\n  lexicons:\n    - {name: vader, file: v.tsv, neutral: 0}", "validation.lexicons[0].name: 'vader' is a built-in lexicon's name", 3, 8),
        ("validation:\n  lexicons:\n    - {name: m, file: a.tsv, neutral: 0}\n    - {name: m, file: b.tsv, neutral: 0}", "validation.lexicons[0].name: 'm' is used twice", 3, 8),
    ])
    func invalidValuesAreRejectedNamingTheField(yaml: String, message: String, line: Int, column: Int) {
        let excerpt = AtlasError.excerpt(of: yaml.split(separator: "\n", omittingEmptySubsequences: false)[line - 1])
        #expect(throws: AtlasError(source: "site.yml", line: line, column: column, message: message, excerpt: excerpt)) {
            try SiteConfiguration.parse(yaml: yaml, source: "site.yml")
        }
    }

    @Test func anUnknownFormatListsTheFormats() {
        let yaml = "corpora:\n  - {id: r, task: regression, format: xlsx, files: {train: a, test: b}}"
        #expect(throws: AtlasError(source: "site.yml", line: 2, column: 31,
                                   message: "corpora[0].format: 'xlsx' is not a format; the formats are csv, tsv, jsonl",
                                   excerpt: String(yaml.split(separator: "\n")[1]))) {
            try SiteConfiguration.parse(yaml: yaml, source: "site.yml")
        }
    }

    /// A user corpus reads every field; paths stay as written until `load(path:)` sets the folder they are in.
    @Test func aUserCorpusDecodesItsFields() throws {
        let yaml = """
            corpora:
              - id: reviews
                task: classification
                format: jsonl
                files: {train: d/train.jsonl, test: d/test.jsonl}
                text_field: review
                label_field: stars
                id_field: rid
                rationale_field: why
                labels: [bad, good]
                lowercase: true
                allow_empty: true
            """
        let corpus = try SiteConfiguration.parse(yaml: yaml, source: "site.yml").corpora[0]
        #expect(corpus.data == UserCorpusSettings(format: .jsonl, files: ["train": "d/train.jsonl", "test": "d/test.jsonl"],
                                                  textField: "review", labelField: "stars", idField: "rid",
                                                  rationaleField: "why", labels: ["bad", "good"], lowercase: true,
                                                  allowEmpty: true))
        #expect(corpus.classCount == 2 && !corpus.training.phrases)
        #expect(corpus.data?.resolved("d/train.jsonl") == "d/train.jsonl")
        var moved = try #require(corpus.data)
        moved.baseDirectory = "studies/x"
        #expect(moved.resolved("d/train.jsonl") == "studies/x/d/train.jsonl" && moved.resolved("/abs/f") == "/abs/f")
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
