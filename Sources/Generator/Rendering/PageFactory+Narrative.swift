// PageFactory+Narrative: the Narratives section's view models (a corpus's index page, one page per narrative).

struct NarrativeIndexPage: Sendable {
    var shell: PageShell
    var name: String
    var description: String
    var metrics: [MetricView]
    var comparison: [ScoreRow]
    var lineCharts: [LineChart]
    var statistics: [StatisticRowView]
    var narratives: [NarrativeRow]
    var narrativeCount: String
    /// As on a corpus page: across seeds (nil with one) and the methods' agreement.
    var seeds: SeedsView?
    var agreement: MethodMatrixView?
    var agreementSeeds: String
    var ties: TiesView?
    var methodsHref: String

    struct ScoreRow: Sendable {
        var name: String
        var concordance: String
        var meanSequenceConcordance: String
        var pearson: String
        var rootMeanSquaredError: String
    }
    struct NarrativeRow: Sendable {
        var href: String
        var id: String
        var genre: String
        var windows: String
        var concordance: String
        var opening: String
    }
}

struct NarrativePage: Sendable {
    var shell: PageShell
    var id: String
    var corpusName: String
    var corpusHref: String
    var genre: String
    var windowCount: String
    var concordance: String
    var chart: LineChart
    var windows: [Window]
    var previousHref: String
    var hasPrevious: Bool
    var nextHref: String
    var hasNext: Bool

    struct Window: Sendable {
        var number: String
        var gold: String
        var predicted: String
        var tokens: [ExamplePage.Token]
        var isTraced: Bool
    }
}

extension PageFactory {
    func makeNarrativeIndexPage(for corpus: NarrativeCorpusContent) -> NarrativeIndexPage {
        let path = paths.narratives(corpus.id)
        let root = paths.root(from: path)
        func value(_ x: Double) -> String { x.isFinite ? Formatting.fixed(x, digits: 3) : "–" }
        return NarrativeIndexPage(
            shell: shell(path: path, title: "Narratives · " + corpus.name, kind: "narratives", description: corpus.description),
            name: corpus.name, description: corpus.description, metrics: metrics(corpus.metrics.filter { $0.value.isFinite }),
            comparison: corpus.comparison.map {
                .init(name: $0.name, concordance: value($0.concordance), meanSequenceConcordance: value($0.meanSequenceConcordance),
                      pearson: value($0.pearson), rootMeanSquaredError: value($0.rootMeanSquaredError))
            },
            lineCharts: corpus.layerSeries.map { LineChart($0, names: methodNames, methodOrder: methodOrder) },
            statistics: statisticRows(corpus.statistics, root: root),
            narratives: corpus.narratives.map { n in
                let words = n.windows.flatMap(\.tokens)
                return .init(href: root + paths.narrative(corpus: corpus.id, narrative: n.id), id: n.id, genre: n.genre,
                             windows: Formatting.count(n.windows.count), concordance: n.concordance.map(value) ?? "–",
                             opening: words.prefix(16).joined(separator: " ") + (words.count > 16 ? " …" : ""))
            },
            narrativeCount: Formatting.count(corpus.narratives.count),
            seeds: corpus.seeds.map { seedsView($0, root: root) },
            agreement: corpus.agreement.map { agreementView($0, root: root) },
            agreementSeeds: agreementAverage(corpus.agreement), ties: tiesView(corpus.agreement, root: root),
            methodsHref: root + paths.methods)
    }

    func makeNarrativePage(for narrative: NarrativeContent, in corpus: NarrativeCorpusContent, index: Int) -> NarrativePage {
        let path = paths.narrative(corpus: corpus.id, narrative: narrative.id)
        let root = paths.root(from: path)
        let windows = narrative.windows.enumerated().map { k, window in
            let scores = window.scores ?? []
            let peak = scores.map(abs).max() ?? 0
            return NarrativePage.Window(
                number: String(k + 1), gold: window.gold.map { Formatting.fixed($0, digits: 2) } ?? "–",
                predicted: window.predicted.map { Formatting.fixed($0, digits: 2) } ?? "–",
                tokens: window.tokens.enumerated().map { i, text in
                    let score = i < scores.count ? scores[i] : 0
                    return .init(text: text, heat: Palette.heat(score, maxMagnitude: peak, isSigned: false),
                                 hover: window.scores == nil ? "not traced" : "LAT " + Formatting.significant(score),
                                 isRationale: false)
                },
                isTraced: window.scores != nil)
        }
        let previous = index > 0 ? corpus.narratives[index - 1] : nil
        let next = index + 1 < corpus.narratives.count ? corpus.narratives[index + 1] : nil
        let href = { (n: NarrativeContent) in root + paths.narrative(corpus: corpus.id, narrative: n.id) }
        return NarrativePage(
            shell: shell(path: path, title: "Narrative \(narrative.id)", kind: "narrative",
                         description: narrative.windows.flatMap(\.tokens).prefix(20).joined(separator: " ")),
            id: narrative.id, corpusName: corpus.name, corpusHref: root + paths.narratives(corpus.id), genre: narrative.genre,
            windowCount: Formatting.count(narrative.windows.count),
            concordance: narrative.concordance.map { Formatting.fixed($0, digits: 3) } ?? "–",
            chart: LineChart(valence: narrative.windows, title: "Valence through \(narrative.id)"),
            windows: windows,
            previousHref: previous.map(href) ?? "", hasPrevious: previous != nil,
            nextHref: next.map(href) ?? "", hasNext: next != nil)
    }
}
