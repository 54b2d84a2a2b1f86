// NarrativeContent+Fixture: a deterministic synthetic Narratives section for template and page tests.
@testable import Generator

extension NarrativeCorpusContent {
    /// Two narratives of four windows, one window untraced and one unrated; the statistics are `site`'s first
    /// corpus's. `hostile` puts `<script>`, quotes and `&` into the ids and words.
    static func fixture(from site: SiteContent, hostile: Bool = false) -> NarrativeCorpusContent {
        let words = hostile ? ["<script>alert(1)</script>", "\"q\" & 'a'", "fine", "day"] : ["a", "fine", "sad", "day"]
        func window(_ n: Int, _ k: Int) -> NarrativeWindowContent {
            let count = 2 + k % 3
            let gold: Double? = k == 3 ? nil : 3 + 0.25 * Double(k)
            let scores: [Double]? = k == 2 ? nil : (0..<count).map { 0.1 + 0.2 * Double($0) }
            return NarrativeWindowContent(id: "doc\(n)-\(k)", tokens: Array(words.prefix(count)), gold: gold,
                                          predicted: 3.1 + 0.1 * Double(k), scores: scores)
        }
        let narratives = (0..<2).map { n -> NarrativeContent in
            NarrativeContent(id: hostile && n == 0 ? "<b>\"n\"&</b>" : "doc\(n)", genre: n == 0 ? "letters" : "fiction",
                             concordance: n == 0 ? 0.25 : nil, windows: (0..<4).map { window(n, $0) })
        }
        let first = site.corpora.first
        return NarrativeCorpusContent(
            id: hostile ? "n<&>" : "narratives", name: "EmoBank narratives", description: "Synthetic narratives.",
            metrics: [Metric(label: "test CCC", value: 0.27), Metric(label: "test Pearson r", value: .nan)],
            comparison: [NarrativeScoreRow(name: "Narrative model", concordance: 0.27, meanSequenceConcordance: 0.12,
                                           pearson: 0.32, rootMeanSquaredError: 0.33),
                         NarrativeScoreRow(name: "Training mean", concordance: 0, meanSequenceConcordance: 0, pearson: .nan,
                                           rootMeanSquaredError: 0.3)],
            statistics: first?.statistics ?? [], layerSeries: first?.layerSeries ?? [], narratives: narratives)
    }
}
