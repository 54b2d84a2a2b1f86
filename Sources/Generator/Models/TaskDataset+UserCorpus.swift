// TaskDataset+UserCorpus: a user's files (`UserCorpusSettings`) read into the dataset every built-in corpus becomes.
import Core
import Foundation

extension TaskDataset {
    /// Reads, checks and tokenises the files of a user corpus. Without a dev file the last tenth of the training
    /// rows (at least one) is the dev set. Errors name the file and line: see `LabelledCorpusSpec` and `TabularFile`.
    static func userCorpus(_ task: TaskID, _ data: UserCorpusSettings, from store: CorpusStore) throws -> TaskDataset {
        let spec = data.spec(task: task)
        var bySplit: [String: [LabelledExample]] = [:]
        for (path, splits) in data.sources {
            let (bytes, location) = try store.userFile(path, of: data)
            let rows = try TabularFile.rows(bytes, format: data.format, source: location)
            var grouped: [String: [TabularRow]] = [:]
            if let field = data.splitField {
                for row in rows {
                    guard let split = row.fields[field], splits.contains(split) else {
                        throw AtlasError(source: location, line: row.line,
                                         message: "field '\(field)': " + (row.fields[field].map { "'\($0)' is not a split" } ?? "missing"),
                                         hint: "the split field holds train, dev or test")
                    }
                    grouped[split, default: []].append(row)
                }
            } else {
                grouped[splits[0]] = rows
            }
            for split in splits {
                bySplit[split, default: []] += try spec.examples(grouped[split] ?? [], split: split, source: location,
                                                                 tokenizer: WordTokenizer())
            }
        }
        if data.files["dev"] == nil, data.file == nil || bySplit["dev", default: []].isEmpty {
            var train = bySplit["train", default: []]
            let count = max(1, train.count / 10)
            bySplit["dev"] = train.count > 1 ? Array(train.suffix(count)) : []
            if train.count > 1 { train.removeLast(count) }
            bySplit["train"] = train
        }
        for split in UserCorpusSettings.splits where bySplit[split, default: []].isEmpty {
            let place = data.file.map(data.resolved) ?? data.files[split].map(data.resolved) ?? "configuration"
            throw AtlasError(source: place, message: "the \(split) split has no rows",
                             hint: data.splitField.map { "give some rows \($0): \(split)" } ?? "the file needs at least one row after the header")
        }
        try checkUniqueIDs(UserCorpusSettings.splits.flatMap { bySplit[$0]! })
        func examples(_ split: String) -> [CorpusExample] {
            bySplit[split]!.map { CorpusExample(id: $0.id, tokens: $0.tokens, target: $0.target, rationale: $0.rationale) }
        }
        return TaskDataset(task: task, train: examples("train"), dev: examples("dev"), test: examples("test"),
                           trainingPhrases: [], declaredLabels: task == .classification ? data.labels : nil)
    }
}
