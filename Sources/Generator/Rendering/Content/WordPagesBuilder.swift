// WordPagesBuilder: the traces of every corpus → one page per linked word: its contexts, mean scores and ratings.
import Core
import Foundation

enum WordPagesBuilder {
    /// The words the site links to: every corpus's top-attended words of every method (the corpus pages' bar lists).
    static func linkedWords(_ corpora: [CorpusContent]) -> Set<String> {
        Set(corpora.flatMap { $0.topWords.flatMap { $0.words.map(\.word) } })
    }

    /// Pages for the word types in `keeping` that are joined to Warriner: only the linked words get a page, because
    /// a page nothing links to is never read and ~2,700 of them cost 10 MB of the site's 60 MB budget.
    /// Occurrences list a sentence once even when several models traced it (same example id and context).
    static func words(_ results: [CorpusResults], keeping: Set<String>) -> [WordContent] {
        var byWord: [String: (occurrences: [Occurrence], scores: [String: [Double]], ratings: [String: Double], corpus: String?)] = [:]
        for r in results {
            guard let lat = r.report.entries.first(where: { $0.method == MethodID.lat.rawValue && $0.layer == nil }) else { continue }
            let rated = Dictionary(lat.scatter.map { ($0.word, $0.valence) }, uniquingKeysWith: { a, _ in a })
            for record in r.records {
                for (i, token) in record.tokens.enumerated() {
                    let word = token.lowercased()
                    guard keeping.contains(word), let valence = rated[word] else { continue }
                    var item = byWord[word] ?? ([], [:], [:], nil)
                    item.ratings["Warriner valence (1–9)"] = valence
                    let occurrence = Occurrence(
                        corpusID: r.corpus.id, exampleID: record.id,
                        before: record.tokens[max(0, i - 6)..<i].joined(separator: " "), word: token,
                        after: record.tokens[(i + 1)..<min(record.tokens.count, i + 7)].joined(separator: " "))
                    let isRepeat = item.occurrences.contains {
                        $0.exampleID == occurrence.exampleID && $0.before == occurrence.before && $0.after == occurrence.after
                    }
                    if item.occurrences.count < 8 && !isRepeat { item.occurrences.append(occurrence) }
                    // Mean scores come from the first corpus the word occurs in (SST before EmoBank), so that each
                    // row is one method of one model; the occurrences list shows every corpus.
                    if item.corpus == nil || item.corpus == r.corpus.id {
                        item.corpus = r.corpus.id
                        for (method, attribution) in record.attributions {
                            item.scores[method.rawValue, default: []].append(Double(attribution.scores[i]))
                        }
                    }
                    byWord[word] = item
                }
            }
        }
        return byWord.keys.sorted().map { word in
            let item = byWord[word]!
            let means = item.scores.keys.sorted().map { key in
                MethodScore(methodID: key, score: item.scores[key]!.reduce(0, +) / Double(item.scores[key]!.count))
            }
            return WordContent(word: word, occurrences: item.occurrences, meanScores: means,
                               ratings: item.ratings.keys.sorted().map { LexiconRating(name: $0, value: item.ratings[$0]!) })
        }
    }
}
