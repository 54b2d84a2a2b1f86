// PageFactory+Ties: the corpus page's table of how often each method gives two different words the same score.

/// `partials/ties`: one row per method, the shares as percentages (the mean over seeds; per seed in the hover).
struct TiesView: Sendable {
    var caption: String
    var rows: [Row]

    struct Row: Sendable {
        var method: String
        var methodHref: String
        var tiedWords: String
        var tiedWordsHover: String
        var sharedTop: String
        var sharedTopHover: String
    }
}

extension PageFactory {
    /// "300 sentences", or "290–300 sentences" when the methods' counts differ.
    static func sentenceCount(_ low: Int, _ high: Int) -> String {
        (low == high ? Formatting.count(low) : Formatting.count(low) + "–" + Formatting.count(high)) + " sentences"
    }

    /// nil when the matrix has no ties recorded (a summary cached before they were counted has none).
    func tiesView(_ matrix: AgreementMatrix?, root: String) -> TiesView? {
        guard let matrix, !matrix.ties.isEmpty else { return nil }
        func percent(_ shares: [Double]) -> (text: String, hover: String) {
            let mean = shares.reduce(0, +) / Double(max(1, shares.count))
            let hover = shares.count > 1
                ? "per seed " + shares.map { Formatting.fixed(100 * $0, digits: 1) + "%" }.joined(separator: " · ")
                : "one seed"
            return (Formatting.fixed(100 * mean, digits: 1) + "%", hover)
        }
        let sentences = matrix.ties.map(\.sentences)
        return TiesView(
            caption: "Ties between different words, "
                + (matrix.seeds > 1 ? "mean over \(Formatting.spelledOut(matrix.seeds)) seeds" : "one seed")
                + " (" + Self.sentenceCount(sentences.min() ?? 0, sentences.max() ?? 0) + ")",
            rows: matrix.ties.map { ties in
                let words = percent(ties.tiedWords), top = percent(ties.sharedTop)
                return .init(method: methodName(ties.methodID), methodHref: root + paths.methods + "#" + methodAnchor(ties.methodID),
                             tiedWords: words.text, tiedWordsHover: words.hover, sharedTop: top.text, sharedTopHover: top.hover)
            })
    }
}
