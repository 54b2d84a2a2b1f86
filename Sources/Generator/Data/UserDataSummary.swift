// UserDataSummary: `atlas data stats --config` and `atlas data check --config` for the user's own corpora and lexicons.
import Core
import Foundation

/// One user corpus read end to end: its splits' sizes and labels, and how many of its word types each lexicon rates.
struct UserCorpusStatistics: Codable, Sendable, Equatable {
    var corpus: CorpusStatistics
    /// Lexicon name → lower-cased word types of the corpus the lexicon rates, and the corpus's types.
    var coverage: [String: Coverage]

    struct Coverage: Codable, Sendable, Equatable {
        var covered: Int
        var types: Int
    }
}

extension UserCorpusStatistics {
    init(_ settings: CorpusSettings, dataset: TaskDataset, lexicons: [Lexicon]) {
        let splits = [("train", dataset.train), ("dev", dataset.dev), ("test", dataset.test)].map { name, examples in
            var s = SplitStatistics(split: name, examples: examples.count, tokens: examples.reduce(0) { $0 + $1.tokens.count },
                                    vocabulary: DataStatistics.types(examples.map(\.tokens)).count)
            if let names = dataset.classNames {
                s.labels = Dictionary(grouping: examples) { example -> String in
                    if case .classIndex(let c) = example.target { return names[c] }
                    return "?"
                }.mapValues(\.count)
            } else {
                s.ratings = ["label": RatingSummary(examples.compactMap { example -> Double? in
                    if case .value(let v) = example.target { return Double(v) }
                    return nil
                })]
            }
            return s
        }
        let types = DataStatistics.types([dataset.train, dataset.dev, dataset.test].flatMap { $0.map(\.tokens) })
        corpus = CorpusStatistics(name: settings.id, splits: splits)
        coverage = Dictionary(uniqueKeysWithValues: lexicons.map { lexicon in
            (lexicon.name, Coverage(covered: types.filter { lexicon.entries[$0] != nil }.count, types: types.count))
        })
    }

    /// The corpus's table as `DataStatistics.table` prints a built-in one, then its lexicon coverage.
    func table() -> String {
        var lines = [DataStatistics(corpora: [corpus], lexicons: []).table().components(separatedBy: "\nlexicons")[0]]
        lines.append("  lexicon coverage of its word types: " + coverage.keys.sorted().map { name in
            let c = coverage[name]!
            return "\(name) \(c.covered)/\(c.types) (\(String(format: "%.1f", 100 * Double(c.covered) / Double(max(c.types, 1))))%)"
        }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}

enum UserDataCheck {
    /// One line per user corpus and lexicon of `configuration`: "ok" with its sizes, or "FAIL" with the error (file,
    /// line, field). Returns the lines and whether anything failed.
    static func run(_ configuration: SiteConfiguration, store: CorpusStore) -> (lines: [String], failed: Bool) {
        var lines: [String] = [], failed = false
        for corpus in configuration.corpora where corpus.data != nil {
            do {
                let dataset = try TaskDataset.load(corpus, from: store)
                lines.append("ok       \(corpus.id): \(dataset.train.count) / \(dataset.dev.count) / \(dataset.test.count) sentences")
            } catch {
                failed = true
                lines.append("FAIL     \(corpus.id): \(error)")
            }
        }
        for lexicon in configuration.validation.lexicons {
            do {
                let read = try store.loadUserLexicon(lexicon)
                lines.append("ok       \(lexicon.name): \(read.count) words (\(lexicon.path))")
            } catch {
                failed = true
                lines.append("FAIL     \(lexicon.name): \(error)")
            }
        }
        return (lines, failed)
    }
}
