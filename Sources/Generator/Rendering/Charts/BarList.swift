// BarList: a method's top-attended words as horizontal bars coloured by the word's lexicon valence.

struct BarList: Sendable {
    var width: String
    var height: String
    var title: String
    var bars: [Bar]

    struct Bar: Sendable {
        var y: String
        var textY: String
        var barWidth: String
        var barX: String
        var valueX: String
        var colorClass: String
        var word: String
        var value: String
        var hover: String
        var href: String
        var hasPage: Bool
    }

    /// - Parameter href: the relative link to a word's page, or nil when it has none.
    init(_ list: TopWordList, methodName: String, limit: Int = 20, href: (String) -> String?) {
        let f = Formatting.coordinate
        let words = Array(list.words.prefix(limit))
        let peak = words.map(\.score).filter(\.isFinite).map(abs).max() ?? 1
        let labelWidth = 110.0, barSpace = 170.0, rowHeight = 17.0
        bars = words.enumerated().map { index, word in
            let y = 4 + Double(index) * rowHeight
            let length = peak > 0 && word.score.isFinite ? barSpace * abs(word.score) / peak : 0
            let valence = word.valence.map { "valence \(Formatting.fixed($0, digits: 2))" } ?? "not in the lexicon"
            let link = href(word.word)
            return Bar(y: f(y), textY: f(y + 12), barWidth: f(max(1, length)), barX: f(labelWidth),
                       valueX: f(labelWidth + max(1, length) + 4), colorClass: Palette.valence(word.valence),
                       word: word.word, value: Formatting.significant(word.score),
                       hover: "\(word.word): score \(Formatting.significant(word.score)), \(valence)",
                       href: link ?? "", hasPage: link != nil)
        }
        width = f(labelWidth + barSpace + 56)
        height = f(8 + Double(words.count) * rowHeight)
        title = methodName
    }
}
