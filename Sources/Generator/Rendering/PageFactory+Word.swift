// PageFactory+Word: a word page's view model (occurrences with context, mean score per method, lexicon ratings).

struct WordPage: Sendable {
    var shell: PageShell
    var word: String
    var occurrences: [OccurrenceView]
    var occurrenceCount: String
    var scores: [MetricView]
    var ratings: [MetricView]
    var hasRatings: Bool

    struct OccurrenceView: Sendable {
        var href: String
        var hasPage: Bool
        var source: String
        var before: String
        var word: String
        var after: String
    }
}

extension PageFactory {
    func makeWordPage(for word: WordContent) -> WordPage {
        let path = paths.word(word.word)
        let root = paths.root(from: path)
        return WordPage(
            shell: shell(path: path, title: "“\(word.word)”", kind: "word", description: "Occurrences and scores of \(word.word)"),
            word: word.word,
            occurrences: word.occurrences.map { occurrence in
                let exists = exampleIDs[occurrence.corpusID]?.contains(occurrence.exampleID) ?? false
                return .init(href: exists ? root + paths.example(corpus: occurrence.corpusID, example: occurrence.exampleID) : "",
                             hasPage: exists, source: "\(corpusNames[occurrence.corpusID] ?? occurrence.corpusID) \(occurrence.exampleID)",
                             before: occurrence.before, word: occurrence.word, after: occurrence.after)
            },
            occurrenceCount: Formatting.count(word.occurrences.count),
            scores: orderedScores(word.meanScores).map { MetricView(label: methodName($0.methodID), value: Formatting.significant($0.score)) },
            ratings: word.ratings.map { MetricView(label: $0.name, value: Formatting.fixed($0.value, digits: 2)) },
            hasRatings: !word.ratings.isEmpty)
    }

    private func orderedScores(_ scores: [MethodScore]) -> [MethodScore] {
        scores.sorted { (methodOrder.firstIndex(of: $0.methodID) ?? .max) < (methodOrder.firstIndex(of: $1.methodID) ?? .max) }
    }
}
