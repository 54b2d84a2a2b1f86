// PageFactory+Corpus: a corpus page's view model (metrics, scatter, top words, per-layer charts, example index).

struct CorpusPage: Sendable {
    var shell: PageShell
    var name: String
    var description: String
    var metrics: [MetricView]
    var scatter: ScatterChart
    var scatterMethod: String
    var comparison: [ComparisonRow]
    var hasComparison: Bool
    /// The comparison has the paper's column (a built-in corpus).
    var hasPublished: Bool
    var topWords: [BarList]
    var lineCharts: [LineChart]
    var statistics: [StatisticRowView]
    var faithfulness: [FaithfulnessRowView]
    var hasFaithfulness: Bool
    var methodMatrices: [MethodMatrixView]
    var hasMethodMatrices: Bool
    var methodsHref: String
    var examples: [ExampleRow]
    var exampleCount: String
    /// The across-seeds section; nil with one seed.
    var seeds: SeedsView?
    /// The methods' rank agreement; nil when not computed.
    var agreement: MethodMatrixView?
    /// "three seeds" or "the one seed": what the agreement averages over.
    var agreementSeeds: String
    /// How often each method ties two different words; nil when not counted.
    var ties: TiesView?
    /// The model-randomisation control; nil for a model without one.
    var control: ControlView?

    struct ExampleRow: Sendable {
        var href: String
        var id: String
        var text: String
        var trueLabel: String
        var predictedLabel: String
        /// "1" or "0", for the script's filter.
        var correct: String
        var mark: String
        var length: String
    }
}

extension PageFactory {
    func makeCorpusPage(for corpus: CorpusContent) -> CorpusPage {
        let path = paths.corpus(corpus.id)
        let root = paths.root(from: path)
        let examples = corpus.examples.map { example in
            let isCorrect = example.trueLabel == example.predictedLabel
            let text = example.tokens.prefix(24).joined(separator: " ") + (example.tokens.count > 24 ? " …" : "")
            return CorpusPage.ExampleRow(
                href: root + paths.example(corpus: example.pageCorpusID ?? corpus.id, example: example.id), id: example.id, text: text,
                trueLabel: example.trueLabel, predictedLabel: example.predictedLabel,
                correct: isCorrect ? "1" : "0", mark: isCorrect ? "✓" : "✗", length: String(example.tokens.count))
        }
        return CorpusPage(
            shell: shell(path: path, title: corpus.name, kind: "corpus", description: corpus.description),
            name: corpus.name,
            description: corpus.description,
            metrics: metrics(corpus.metrics),
            scatter: ScatterChart(corpus.scatter, methodName: methodName(corpus.scatter.methodID)),
            scatterMethod: methodName(corpus.scatter.methodID),
            comparison: corpus.scatter.comparison,
            hasComparison: !corpus.scatter.comparison.isEmpty,
            hasPublished: corpus.scatter.comparison.contains { $0.published != nil },
            topWords: corpus.topWords.map { list in
                BarList(list, methodName: methodName(list.methodID)) { wordHref($0, root: root) }
            },
            lineCharts: corpus.layerSeries.map { LineChart($0, names: methodNames, methodOrder: methodOrder) },
            statistics: statisticRows(corpus.statistics, root: root),
            faithfulness: faithfulnessRows(corpus.faithfulness, root: root),
            hasFaithfulness: !corpus.faithfulness.isEmpty,
            methodMatrices: methodMatrices(corpus.methodComparisons, root: root),
            hasMethodMatrices: !corpus.methodComparisons.isEmpty,
            methodsHref: root + paths.methods,
            examples: examples,
            exampleCount: Formatting.count(examples.count),
            seeds: corpus.seeds.map { seedsView($0, root: root) },
            agreement: corpus.agreement.map { agreementView($0, root: root) },
            agreementSeeds: agreementAverage(corpus.agreement),
            ties: tiesView(corpus.agreement, root: root),
            control: corpus.control.map { controlView($0, root: root) })
    }
}
