// UserCorpusSettings: where a user's own corpus is and how to read it (tasks `classification` and `regression`).
import Core
import Foundation

/// The data of a corpus the user brings: written as fields of the corpus entry itself,
/// ```yaml
/// - id: reviews
///   task: classification
///   format: csv
///   files: {train: data/train.csv, dev: data/dev.csv, test: data/test.csv}   # or file: + split_field:
///   text_field: text
///   label_field: stars
///   labels: [negative, neutral, positive]
/// ```
/// Paths are relative to the configuration file's folder.
struct UserCorpusSettings: Codable, Equatable, Sendable {
    var name: String?
    var description: String?
    var format: TabularFormat
    /// By split (train, dev, test): its file. Empty when `file` and `splitField` are used.
    var files: [String: String] = [:]
    /// One file holding every split, told apart by `splitField` (values train, dev, test).
    var file: String?
    var splitField: String?
    var textField: String = "text"
    var labelField: String = "label"
    var idField: String?
    var rationaleField: String?
    /// Classification: the label names in class order.
    var labels: [String]?
    /// Optional SHA-256 pins by file path as written: a file that differs is refused.
    var sha256: [String: String] = [:]
    var lowercase: Bool = false
    var allowEmpty: Bool = false
    /// The folder relative paths are read from (the configuration file's); set when the configuration is loaded.
    var baseDirectory: String = "."

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, format, files, file, labels, sha256, lowercase
        case splitField = "split_field", textField = "text_field", labelField = "label_field", idField = "id_field"
        case rationaleField = "rationale_field", allowEmpty = "allow_empty"
    }

    static let splits = ["train", "dev", "test"]

    /// The files to read, each with the splits it holds, in the order train, dev, test (one file: all three).
    var sources: [(path: String, splits: [String])] {
        if let file { return [(file, Self.splits)] }
        return Self.splits.compactMap { split in files[split].map { ($0, [split]) } }
    }

    /// `path` as the user wrote it, joined to the configuration's folder unless it is absolute.
    func resolved(_ path: String) -> String { ConfigurationPath.resolve(path, from: baseDirectory) }

    /// The settings without where the files are and what the corpus is called: how its rows are read, for the
    /// cache key (with the files' bytes). Location fields are removed rather than reading fields listed, so that a
    /// reading field added later keys the cache without anyone remembering to add it here.
    var reading: UserCorpusSettings {
        var reading = self
        reading.baseDirectory = "."
        reading.files = [:]
        reading.file = nil
        reading.sha256 = [:]
        reading.name = nil
        reading.description = nil
        return reading
    }

    /// How Core reads the rows.
    func spec(task: TaskID) -> LabelledCorpusSpec {
        LabelledCorpusSpec(task: task.isRegression ? .regression : .classification(labels: labels ?? []),
                           textField: textField, labelField: labelField, idField: idField, rationaleField: rationaleField,
                           lowercase: lowercase, allowEmpty: allowEmpty)
    }
}

extension UserCorpusSettings {
    /// The user-corpus fields of a corpus entry, or nil when it has none of them (a built-in corpus).
    static func decodeIfPresent(_ decoder: Decoder) throws -> UserCorpusSettings? {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard !c.allKeys.isEmpty else { return nil }
        let formatName = try c.decode(String.self, forKey: .format)
        guard let format = TabularFormat(rawValue: formatName) else {
            throw DecodingError.dataCorruptedError(forKey: .format, in: c, debugDescription: TabularFormat.refusal(of: formatName))
        }
        var s = UserCorpusSettings(format: format)
        s.name = try c.decodeIfPresent(String.self, forKey: .name)
        s.description = try c.decodeIfPresent(String.self, forKey: .description)
        s.files = try c.value(.files, or: [:])
        s.file = try c.decodeIfPresent(String.self, forKey: .file)
        s.splitField = try c.decodeIfPresent(String.self, forKey: .splitField)
        s.textField = try c.value(.textField, or: s.textField)
        s.labelField = try c.value(.labelField, or: s.labelField)
        s.idField = try c.decodeIfPresent(String.self, forKey: .idField)
        s.rationaleField = try c.decodeIfPresent(String.self, forKey: .rationaleField)
        s.labels = try c.decodeIfPresent([String].self, forKey: .labels)
        s.sha256 = try c.value(.sha256, or: [:])
        s.lowercase = try c.value(.lowercase, or: false)
        s.allowEmpty = try c.value(.allowEmpty, or: false)
        return s
    }

    /// The cross-field checks, as (field, message) at the corpus entry; nil when the settings are consistent.
    func problem(task: TaskID) -> (field: String, message: String)? {
        if file != nil, !files.isEmpty { return ("files", "give either files: (one per split) or file: with split_field:, not both") }
        if file != nil, splitField == nil { return ("split_field", "one file: needs split_field: naming the field with train, dev or test") }
        if file == nil, files.isEmpty { return ("files", "name the data: files: {train: …, dev: …, test: …}, or file: with split_field:") }
        for key in files.keys.sorted() where !Self.splits.contains(key) {
            return ("files.\(key)", "'\(key)' is not a split; the splits are train, dev, test")
        }
        if file == nil, files["train"] == nil || files["test"] == nil {
            return ("files", "train and test are needed (dev is optional: without it the last tenth of train is the dev set)")
        }
        switch task {
        case .classification:
            guard let labels, labels.count >= 2 else { return ("labels", "a classification corpus lists at least two labels, in class order") }
            if Set(labels).count != labels.count { return ("labels", "a label is listed twice") }
        case .regression:
            if labels != nil { return ("labels", "labels: is for classification; a regression label is a number") }
        default:
            return ("task", "a corpus with its own files has task classification or regression")
        }
        for (path, pin) in sha256.sorted(by: { $0.key < $1.key }) {
            guard sources.contains(where: { $0.path == path }) else { return ("sha256.\(path)", "names no file of this corpus") }
            guard pin.count == 64, pin.allSatisfy(\.isHexDigit) else { return ("sha256.\(path)", "a SHA-256 is 64 hex digits") }
        }
        return nil
    }
}

/// Core's enum, decoded above as text so that a wrong value names the formats accepted.
extension TabularFormat: ConfigurationChoice {
    static let singular = "a format", plural = "formats"
}
