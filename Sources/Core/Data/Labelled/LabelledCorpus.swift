// LabelledCorpus: a user's rows (`TabularFile`) read as labelled sentences of a declared task, every problem named
// by file, line and field.
import Foundation

/// How the rows of a user corpus are read: which fields hold what, and what a label may be.
public struct LabelledCorpusSpec: Equatable, Sendable {
    public enum Task: Equatable, Sendable {
        /// The label is one of these names; its class index is its position.
        case classification(labels: [String])
        /// The label is a number.
        case regression
    }

    public var task: Task
    public var textField: String
    public var labelField: String
    /// The field with each row's id (nil: `<split>-<row number>`, as the built-in corpora name theirs).
    public var idField: String?
    /// The field with 0/1 per token marking the words a human chose as the reason for the label (optional).
    public var rationaleField: String?
    /// Lower-case the text before tokenising.
    public var lowercase: Bool
    /// An empty or whitespace-only text is an example with no tokens instead of an error.
    public var allowEmpty: Bool

    public init(task: Task, textField: String = "text", labelField: String = "label", idField: String? = nil,
                rationaleField: String? = nil, lowercase: Bool = false, allowEmpty: Bool = false) {
        self.task = task
        self.textField = textField
        self.labelField = labelField
        self.idField = idField
        self.rationaleField = rationaleField
        self.lowercase = lowercase
        self.allowEmpty = allowEmpty
    }
}

/// One labelled sentence of a user corpus.
public struct LabelledExample: Equatable, Sendable {
    public var id: String
    public var tokens: [String]
    public var target: TrainingTarget
    /// 0/1 per token, when the corpus has a rationale field.
    public var rationale: [Double]?
    /// Where it was read (for messages).
    public var source: String
    public var line: Int
}

extension LabelledCorpusSpec {
    /// The examples of one split's rows. `split` names the split in default ids.
    public func examples(_ rows: [TabularRow], split: String, source: String, tokenizer: any Tokenizer) throws
        -> [LabelledExample] {
        try rows.enumerated().map { index, row in
            try example(row, defaultID: "\(split)-\(index + 1)", source: source, tokenizer: tokenizer)
        }
    }

    func example(_ row: TabularRow, defaultID: String, source: String, tokenizer: any Tokenizer) throws -> LabelledExample {
        func fail(_ field: String, _ message: String, hint: String? = nil, found: String? = nil) -> AtlasError {
            AtlasError(source: source, line: row.line, message: "field '\(field)': \(message)", hint: hint,
                       excerpt: found.map { AtlasError.excerpt(of: $0[...]) })
        }
        func value(_ field: String) throws -> String {
            guard let value = row.fields[field] else {
                throw fail(field, "missing", hint: "the fields of this row are "
                           + row.fields.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
                           + "; name the right one in the corpus's *_field settings")
            }
            return value
        }
        let text = try value(textField)
        let id: String
        if let idField {
            id = try value(idField)
            guard !id.isEmpty else { throw fail(idField, "empty id", hint: "give every row an id, or leave out id_field") }
        } else {
            id = defaultID
        }
        let tokens = tokenizer.tokenize(lowercase ? text.lowercased() : text)
        if tokens.isEmpty, !allowEmpty {
            throw fail(textField, "the text is empty", hint: "remove the row, or set allow_empty: true to trace it as a sentence of no words",
                       found: text)
        }
        let labelText = try value(labelField)
        let target: TrainingTarget
        switch task {
        case .classification(let labels):
            let trimmed = labelText.trimmingCharacters(in: .whitespaces)
            guard let index = labels.firstIndex(of: trimmed) else {
                throw fail(labelField, "'\(labelText)' is not one of the labels",
                           hint: "the labels are " + labels.map { "'\($0)'" }.joined(separator: ", ")
                               + " (in the configuration's labels:, in class order)")
            }
            target = .classIndex(index)
        case .regression:
            guard let number = Double(labelText.trimmingCharacters(in: .whitespaces)), number.isFinite else {
                throw fail(labelField, "'\(labelText)' is not a number", hint: "a regression label is a number such as 3.5")
            }
            target = .value(Float(number))
        }
        var rationale: [Double]?
        if let rationaleField {
            let marks = try value(rationaleField).split(whereSeparator: { $0 == " " || $0 == "," })
            guard marks.allSatisfy({ $0 == "0" || $0 == "1" }) else {
                throw fail(rationaleField, "a rationale is 0 or 1 per token, separated by spaces", found: row.fields[rationaleField])
            }
            guard marks.count == tokens.count else {
                throw fail(rationaleField, "\(marks.count) marks for \(tokens.count) tokens",
                           hint: "one mark per token of the tokenised text: " + tokens.prefix(12).joined(separator: " ")
                               + (tokens.count > 12 ? " …" : ""))
            }
            rationale = marks.map { $0 == "1" ? 1 : 0 }
        }
        return LabelledExample(id: id, tokens: tokens, target: target, rationale: rationale, source: source, line: row.line)
    }
}

/// Throws when two examples (of any split) share an id, naming both places.
public func checkUniqueIDs(_ examples: [LabelledExample]) throws {
    var first: [String: LabelledExample] = [:]
    for example in examples {
        if let earlier = first[example.id] {
            throw AtlasError(source: example.source, line: example.line,
                             message: "the id '\(example.id)' is used twice (first at \(earlier.source):\(earlier.line))",
                             hint: "give every row its own id")
        }
        first[example.id] = example
    }
}
