// ConfigurationErrorTests: every configuration error names the file, line, column and field, says what was found
// and what is accepted, and quotes the line.
import Core
import Testing
@testable import Generator

@Suite struct ConfigurationErrorTests {
    /// The error `atlas` reports for `yaml` read from site.yml, nil when it parses.
    static func error(_ yaml: String) -> AtlasError? {
        do {
            _ = try SiteConfiguration.parse(yaml: yaml, source: "site.yml")
            return nil
        } catch {
            return error as? AtlasError
        }
    }

    static let syntaxHint = "check the indentation and the quoting near the line named"

    // MARK: YAML syntax

    @Test func badIndentationIsAtTheLineThatBreaksTheList() {
        let yaml = "seed: 1\ncorpora:\n  - id: a\n    task: sst5\n   split: test\n"
        #expect(Self.error(yaml) == AtlasError(
            source: "site.yml", line: 5, column: 4,
            message: "did not find expected '-' indicator while parsing a block collection (from line 3, column 3)",
            hint: Self.syntaxHint, excerpt: "   split: test"))
    }

    @Test func aValueAfterAValueIsAMappingInTheWrongPlace() {
        let yaml = "seed: 1\ntitle: Atlas: the site\n"
        #expect(Self.error(yaml) == AtlasError(
            source: "site.yml", line: 2, column: 13, message: "mapping values are not allowed in this context",
            hint: Self.syntaxHint, excerpt: "title: Atlas: the site"))
    }

    @Test func anUnclosedQuoteIsWhereTheQuoteOpens() {
        let yaml = "seed: 1\ntitle: \"Attention Atlas\nprofile: ci\n"
        #expect(Self.error(yaml) == AtlasError(
            source: "site.yml", line: 2, column: 8,
            message: "found unexpected end of stream while scanning a quoted scalar",
            hint: "close the quote that opens here, or escape the quote characters inside the value",
            excerpt: "title: \"Attention Atlas"))
    }

    @Test func aTabIsNamedAndTheHintSaysSpaces() {
        let yaml = "seed: 1\ncorpora:\n\t- id: a\n"
        #expect(Self.error(yaml) == AtlasError(
            source: "site.yml", line: 3, column: 1,
            message: "found character that cannot start any token while scanning for the next token",
            hint: "YAML indents with spaces only: replace the tab on this line with spaces", excerpt: "\t- id: a"))
    }

    @Test func aRepeatedFieldIsNamed() {
        let yaml = "seed: 1\nprofile: ci\nseed: 2\n"
        #expect(Self.error(yaml) == AtlasError(
            source: "site.yml", line: 1, column: 1, message: "'seed' is given more than once in the same mapping",
            hint: "keep one of each field", excerpt: "seed: 1"))
    }

    @Test func aControlCharacterIsAtItsColumn() {
        #expect(Self.error("seed: 1\ntitle: At\u{7}las\n") == AtlasError(
            source: "site.yml", line: 2, column: 10, message: "control characters are not allowed",
            hint: Self.syntaxHint, excerpt: "title: At\u{7}las"))
    }

    // MARK: Values outside a closed list

    @Test func anUnknownTaskListsTheTasks() {
        let yaml = "corpora:\n  - id: a\n    task: sst7\n"
        #expect(Self.error(yaml) == AtlasError(
            source: "site.yml", line: 3, column: 5,
            message: "corpora[0].task: 'sst7' is not a task; the tasks are sst5, sst2, emobank-valence, emobank-narrative, classification, regression",
            excerpt: "    task: sst7"))
    }

    @Test func anUnknownTaskInAFlowMappingIsAtItsKey() {
        let yaml = "corpora:\n  - {id: a, task: imdb}\n"
        #expect(Self.error(yaml) == AtlasError(
            source: "site.yml", line: 2, column: 13,
            message: "corpora[0].task: 'imdb' is not a task; the tasks are sst5, sst2, emobank-valence, emobank-narrative, classification, regression",
            excerpt: "  - {id: a, task: imdb}"))
    }

    @Test func anUnknownProfileListsTheProfiles() {
        #expect(Self.error("title: Atlas\nprofile: small\n") == AtlasError(
            source: "site.yml", line: 2, column: 1, message: "profile: 'small' is not a profile; the profiles are full, ci",
            excerpt: "profile: small"))
    }

    @Test func anUnknownMethodIsAtItsPlaceInTheList() {
        let yaml = "corpora:\n  - id: a\n    task: sst5\n    methods: [lat, rolout]\n"
        let methods = MethodID.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(Self.error(yaml) == AtlasError(
            source: "site.yml", line: 4, column: 20,
            message: "corpora[0].methods[1]: 'rolout' is not a method; the methods are \(methods)",
            excerpt: "    methods: [lat, rolout]"))
    }

    // MARK: Types and fields

    @Test func aTypeMismatchSaysWhatWasFound() {
        let yaml = "corpora:\n  - id: a\n    task: sst5\n    training:\n      batch_size: three\n"
        #expect(Self.error(yaml) == AtlasError(
            source: "site.yml", line: 5, column: 7,
            message: "corpora[0].training.batch_size: expected a whole number, found 'three'",
            excerpt: "      batch_size: three"))
    }

    @Test func aValueWhereFieldsBelongSaysWhatWasFound() {
        let yaml = "corpora:\n  - id: a\n    task: sst5\n    training: 5\n"
        #expect(Self.error(yaml) == AtlasError(
            source: "site.yml", line: 4, column: 5,
            message: "corpora[0].training: expected fields (name: value), found '5'", excerpt: "    training: 5"))
    }

    @Test func aListWhereOneValueBelongsSaysSo() {
        #expect(Self.error("validation:\n  bootstrap_resamples: [1, 2]\n") == AtlasError(
            source: "site.yml", line: 2, column: 3,
            message: "validation.bootstrap_resamples: expected a single value, found a list",
            excerpt: "  bootstrap_resamples: [1, 2]"))
    }

    @Test func seedsThatAreNeitherACountNorAListSayWhatWasFound() {
        let yaml = "corpora:\n  - id: a\n    task: sst5\n    seeds: three\n"
        #expect(Self.error(yaml) == AtlasError(
            source: "site.yml", line: 4, column: 5,
            message: "corpora[0].seeds: expected a count (seeds: 3) or a list of non-negative integers (seeds: [0, 1, 2]), "
                + "found 'three'",
            excerpt: "    seeds: three"))
    }

    @Test func aMissingRequiredFieldIsAtItsEntry() {
        #expect(Self.error("corpora:\n  - id: a\n") == AtlasError(
            source: "site.yml", line: 2, column: 5, message: "corpora[0]: the required field 'task' is missing",
            excerpt: "  - id: a"))
    }
}
