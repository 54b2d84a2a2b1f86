// DataStatistics: per-corpus, per-split counts and label / rating summaries, and lexicon coverage.
import Core
import Foundation

/// What `atlas data stats` prints; `--json` writes this value unchanged.
struct DataStatistics: Codable, Sendable, Equatable {
    var corpora: [CorpusStatistics]
    var lexicons: [LexiconStatistics]
    /// The configuration's own corpora (`--config`); nil without one.
    var userCorpora: [UserCorpusStatistics]? = nil
}

struct CorpusStatistics: Codable, Sendable, Equatable {
    var name: String
    var splits: [SplitStatistics]
}

struct SplitStatistics: Codable, Sendable, Equatable {
    var split: String
    var examples: Int
    var tokens: Int
    /// Distinct lower-cased token types.
    var vocabulary: Int
    /// Classification corpora: label → number of examples.
    var labels: [String: Int]?
    /// Regression corpora: dimension → mean and standard deviation of the ratings.
    var ratings: [String: RatingSummary]?
}

struct RatingSummary: Codable, Sendable, Equatable {
    var mean: Double
    /// Sample standard deviation (n − 1).
    var standardDeviation: Double

    init(_ values: [Double]) {
        let mean = values.reduce(0, +) / Double(values.count)
        self.mean = mean
        self.standardDeviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(values.count - 1, 1))).squareRoot()
    }
}

struct LexiconStatistics: Codable, Sendable, Equatable {
    var name: String
    /// Entries (rows) in the file: Warriner's 13,915, case variants such as "AIDS" beside "aids" included.
    var entries: Int
    /// Distinct lower-cased words (what a lower-cased lookup can reach).
    var lowercasedWords: Int
    /// Lower-cased SST / EmoBank word types found in the lexicon (exact match), and the number of types.
    var sstTypesCovered: Int
    var sstTypes: Int
    var emoBankTypesCovered: Int
    var emoBankTypes: Int
}

extension DataStatistics {
    init(sst: SSTCorpus, emoBank: [EmoBankSentence], lexicons: [Lexicon]) {
        func split(_ name: String, _ tokenLists: [[String]]) -> SplitStatistics {
            SplitStatistics(split: name, examples: tokenLists.count, tokens: tokenLists.reduce(0) { $0 + $1.count },
                            vocabulary: Self.types(tokenLists).count)
        }
        func sstCorpus(_ name: String, _ corpus: SSTCorpus) -> CorpusStatistics {
            CorpusStatistics(name: name, splits: DataSplit.allCases.map { s in
                var stats = split(s.rawValue, corpus[s].map(\.tokens))
                stats.labels = Dictionary(grouping: corpus[s], by: { String($0.label) }).mapValues(\.count)
                return stats
            })
        }
        let emo = CorpusStatistics(name: "emobank", splits: DataSplit.allCases.map { s in
            let sentences = emoBank.filter { $0.split == s }
            var stats = split(s.rawValue, sentences.map(\.tokens))
            stats.ratings = ["valence": RatingSummary(sentences.map(\.valence)), "arousal": RatingSummary(sentences.map(\.arousal)),
                             "dominance": RatingSummary(sentences.map(\.dominance))]
            return stats
        })
        let sstTypes = Self.types(DataSplit.allCases.flatMap { sst[$0].map(\.tokens) })
        let emoTypes = Self.types(emoBank.map(\.tokens))
        self.corpora = [sstCorpus("sst5", sst), sstCorpus("sst2", sst.binarized()), emo]
        self.lexicons = lexicons.map { lexicon in
            LexiconStatistics(name: lexicon.name, entries: lexicon.rowCount, lowercasedWords: lexicon.count,
                              sstTypesCovered: sstTypes.filter { lexicon.entries[$0] != nil }.count, sstTypes: sstTypes.count,
                              emoBankTypesCovered: emoTypes.filter { lexicon.entries[$0] != nil }.count,
                              emoBankTypes: emoTypes.count)
        }
    }

    static func types(_ tokenLists: [[String]]) -> Set<String> {
        Set(tokenLists.joined().map { $0.lowercased() })
    }

    /// Plain-text tables for the terminal.
    func table() -> String {
        var lines: [String] = []
        for corpus in corpora {
            lines.append("\(corpus.name)")
            lines.append(pad(["split", "examples", "tokens", "vocabulary", "labels / ratings (mean ± SD)"], [6, 9, 9, 11]))
            for s in corpus.splits {
                let detail: String
                if let labels = s.labels {
                    detail = labels.keys.sorted().map { "\($0): \(labels[$0]!)" }.joined(separator: "  ")
                } else {
                    detail = (s.ratings ?? [:]).keys.sorted().map { key in
                        let r = s.ratings![key]!
                        return "\(key.prefix(1).uppercased()) \(String(format: "%.2f ± %.2f", r.mean, r.standardDeviation))"
                    }.joined(separator: "  ")
                }
                lines.append(pad([s.split, "\(s.examples)", "\(s.tokens)", "\(s.vocabulary)", detail], [6, 9, 9, 11]))
            }
            lines.append("")
        }
        lines.append("lexicons")
        lines.append(pad(["name", "entries", "lower-cased", "SST types covered", "EmoBank types covered"], [9, 8, 12, 22]))
        for l in lexicons {
            lines.append(pad([l.name, "\(l.entries)", "\(l.lowercasedWords)", coverage(l.sstTypesCovered, l.sstTypes),
                              coverage(l.emoBankTypesCovered, l.emoBankTypes)], [9, 8, 12, 22]))
        }
        return lines.joined(separator: "\n")
    }

    private func coverage(_ covered: Int, _ total: Int) -> String {
        "\(covered)/\(total) (\(String(format: "%.1f", 100 * Double(covered) / Double(max(total, 1))))%)"
    }

    private func pad(_ cells: [String], _ widths: [Int]) -> String {
        cells.enumerated().map { i, cell in
            i < widths.count ? cell.padding(toLength: max(widths[i], cell.count + 1), withPad: " ", startingAt: 0) : cell
        }.joined()
    }
}
