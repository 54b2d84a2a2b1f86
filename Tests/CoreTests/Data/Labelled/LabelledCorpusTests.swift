// LabelledCorpusTests: a user's rows read as labelled sentences; each problem compared as the whole error value.
import Testing
@testable import Core

@Suite struct LabelledCorpusTests {
    let labels = LabelledCorpusSpec(task: .classification(labels: ["neg", "pos"]), idField: "id")

    func row(_ fields: [String: String], line: Int = 2) -> TabularRow { TabularRow(line: line, fields: fields) }

    func read(_ spec: LabelledCorpusSpec, _ rows: [TabularRow]) throws -> [LabelledExample] {
        try spec.examples(rows, split: "train", source: "train.csv", tokenizer: WordTokenizer())
    }

    @Test func readsClassesByNameAndTokenises() throws {
        let examples = try read(labels, [row(["id": "r1", "text": "Not bad, really.", "label": "pos"])])
        #expect(examples == [LabelledExample(id: "r1", tokens: ["Not", "bad", ",", "really", "."], target: .classIndex(1),
                                             rationale: nil, source: "train.csv", line: 2)])
    }

    @Test func defaultIDsNameTheSplitAndRow() throws {
        let spec = LabelledCorpusSpec(task: .regression, lowercase: true)
        let examples = try read(spec, [row(["text": "Fine", "label": " 3.5 "]), row(["text": "OK", "label": "-1"], line: 3)])
        #expect(examples.map(\.id) == ["train-1", "train-2"])
        #expect(examples.map(\.tokens) == [["fine"], ["ok"]])
        #expect(examples.map(\.target) == [.value(3.5), .value(-1)])
    }

    @Test func aMissingFieldNamesTheFieldsThereAre() {
        #expect(throws: AtlasError(source: "train.csv", line: 2, message: "field 'label': missing",
                                   hint: "the fields of this row are 'id', 'stars', 'text'; name the right one in the corpus's *_field settings")) {
            try read(labels, [row(["id": "a", "text": "x", "stars": "5"])])
        }
    }

    @Test func aLabelOutsideTheLabelsIsRefused() {
        #expect(throws: AtlasError(source: "train.csv", line: 2, message: "field 'label': 'neutral' is not one of the labels",
                                   hint: "the labels are 'neg', 'pos' (in the configuration's labels:, in class order)")) {
            try read(labels, [row(["id": "a", "text": "x", "label": "neutral"])])
        }
    }

    @Test func aNonNumericRegressionLabelIsRefused() {
        for bad in ["high", "nan", "", "inf"] {
            #expect(throws: AtlasError(source: "train.csv", line: 2, message: "field 'label': '\(bad)' is not a number",
                                       hint: "a regression label is a number such as 3.5")) {
                try read(LabelledCorpusSpec(task: .regression), [row(["text": "x", "label": bad])])
            }
        }
    }

    @Test func anEmptyTextIsAnErrorUnlessAllowed() throws {
        #expect(throws: AtlasError(source: "train.csv", line: 2, message: "field 'text': the text is empty",
                                   hint: "remove the row, or set allow_empty: true to trace it as a sentence of no words",
                                   excerpt: "  \t")) {
            try read(labels, [row(["id": "a", "text": "  \t", "label": "neg"])])
        }
        var allowing = labels
        allowing.allowEmpty = true
        #expect(try read(allowing, [row(["id": "a", "text": " ", "label": "neg"])]).map(\.tokens) == [[]])
    }

    @Test func anEmptyIDIsRefused() {
        #expect(throws: AtlasError(source: "train.csv", line: 2, message: "field 'id': empty id",
                                   hint: "give every row an id, or leave out id_field")) {
            try read(labels, [row(["id": "", "text": "x", "label": "neg"])])
        }
    }

    @Test func rationalesHaveOneMarkPerToken() throws {
        var spec = labels
        spec.rationaleField = "why"
        #expect(try read(spec, [row(["id": "a", "text": "so good", "label": "pos", "why": "0 1"])])[0].rationale == [0, 1])
        #expect(throws: AtlasError(source: "train.csv", line: 2, message: "field 'why': 1 marks for 2 tokens",
                                   hint: "one mark per token of the tokenised text: so good")) {
            try read(spec, [row(["id": "a", "text": "so good", "label": "pos", "why": "1"])])
        }
        #expect(throws: AtlasError(source: "train.csv", line: 2, message: "field 'why': a rationale is 0 or 1 per token, separated by spaces",
                                   excerpt: "0 yes")) {
            try read(spec, [row(["id": "a", "text": "so good", "label": "pos", "why": "0 yes"])])
        }
    }

    @Test func aDuplicateIDNamesBothPlaces() throws {
        let first = try read(labels, [row(["id": "a", "text": "x", "label": "neg"])])
        let second = try labels.examples([row(["id": "a", "text": "y", "label": "pos"], line: 7)], split: "test",
                                         source: "test.csv", tokenizer: WordTokenizer())
        #expect(throws: AtlasError(source: "test.csv", line: 7, message: "the id 'a' is used twice (first at train.csv:2)",
                                   hint: "give every row its own id")) {
            try checkUniqueIDs(first + second)
        }
    }
}
