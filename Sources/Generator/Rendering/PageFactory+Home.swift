// PageFactory+Home: the home page's view model (claim, models, key statistics, links onward).

struct HomePage: Sendable {
    var shell: PageShell
    var title: String
    var claim: String
    var models: [ModelView]
    var statistics: [StatisticRowView]
    var hasKeyStatistics: Bool
    /// The bootstrap resamples behind every interval ("1,000"), or nil when the content does not say.
    var resamples: String?
    var faithfulness: [FaithfulnessRowView]
    var hasFaithfulness: Bool
    var methodsHref: String
    var corpora: [CorpusLink]
    var methods: [MethodLink]
    var narratives: [CorpusLink]
    var hasNarratives: Bool
    var comparisons: [ComparisonView] = []
    var hasComparisons = false
    /// What holds across training seeds, one sentence per corpus with several.
    var seedFindings: [SeedFinding] = []
    var hasSeedFindings = false

    struct ModelView: Sendable {
        var name: String
        var task: String
        var metrics: [MetricView]
    }
    struct CorpusLink: Sendable {
        var name: String
        var href: String
        var description: String
        var examples: String
        var wordTypes: String
    }
    struct MethodLink: Sendable {
        var name: String
        var href: String
        var summary: String
    }
}

extension PageFactory {
    func makeHomePage() -> HomePage {
        let path = paths.home
        let root = paths.root(from: path)
        return HomePage(
            shell: shell(path: path, title: content.title, kind: "home", description: content.claim),
            title: content.title,
            claim: content.claim,
            models: content.models.map { .init(name: $0.name, task: $0.task, metrics: metrics($0.metrics)) },
            statistics: statisticRows(content.keyStatistics, root: root),
            hasKeyStatistics: !content.keyStatistics.isEmpty,
            resamples: content.bootstrapResamples.map(Formatting.count),
            faithfulness: faithfulnessRows(content.faithfulness, root: root),
            hasFaithfulness: !content.faithfulness.isEmpty,
            methodsHref: root + paths.methods,
            corpora: content.corpora.map { corpus in
                .init(name: corpus.name, href: root + paths.corpus(corpus.id), description: corpus.description,
                      examples: Formatting.count(corpus.examples.count), wordTypes: Formatting.count(corpus.scatter.points.count))
            },
            methods: content.methods.map {
                .init(name: $0.name, href: root + paths.methods + "#" + methodAnchor($0.id), summary: $0.summary)
            },
            narratives: content.narratives.map { corpus in
                .init(name: corpus.name, href: root + paths.narratives(corpus.id), description: corpus.description,
                      examples: Formatting.count(corpus.narratives.count),
                      wordTypes: Formatting.count(corpus.statistics.first?.n ?? 0))
            },
            hasNarratives: !content.narratives.isEmpty,
            comparisons: comparisonViews(root: root), hasComparisons: !content.modelComparisons.isEmpty,
            seedFindings: seedFindings(root: root), hasSeedFindings: content.corpora.contains { $0.seeds != nil })
    }
}
