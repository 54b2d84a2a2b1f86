// PageFactory: turns SiteContent into one view model per page (Publish's HTMLFactory, for our pages).

/// Makes the view model of each page: stored properties only, every number already a string.
/// One `make…Page` per page kind lives in `PageFactory+<Kind>.swift`.
struct PageFactory: Sendable {
    let content: SiteContent
    let paths: SitePaths
    /// Method id → display name.
    let methodNames: [String: String]
    let methodOrder: [String]
    /// Words that have a page.
    let wordsWithPages: Set<String>
    /// Corpus id → its display name, and → the ids of its examples (which have pages).
    let corpusNames: [String: String]
    let exampleIDs: [String: Set<String>]

    init(content: SiteContent, paths: SitePaths = SitePaths()) {
        self.content = content
        self.paths = paths
        var names: [String: String] = [:]
        for method in content.methods { names[method.id] = method.name }
        methodNames = names
        methodOrder = content.methods.map(\.id)
        wordsWithPages = Set(content.words.map(\.word))
        var corpusNames: [String: String] = [:]
        var exampleIDs: [String: Set<String>] = [:]
        for corpus in content.corpora {
            corpusNames[corpus.id] = corpusNames[corpus.id] ?? corpus.name
            exampleIDs[corpus.id, default: []].formUnion(corpus.examples.filter { $0.pageCorpusID == nil }.map(\.id))
        }
        self.corpusNames = corpusNames
        self.exampleIDs = exampleIDs
    }

    func methodName(_ id: String) -> String { methodNames[id] ?? id }

    /// The anchor of a method's section on the Methods page.
    func methodAnchor(_ id: String) -> String { "m-" + SitePaths.fileName(for: id) }

    /// "input", "layer 3", … ; a method without depth has one row, "—".
    static func layerName(_ layer: Int, count: Int) -> String {
        count <= 1 ? "all" : (layer == 0 ? "input" : "layer \(layer)")
    }

    func shell(path: String, title: String, kind: String, description: String) -> PageShell {
        let root = paths.root(from: path)
        var nav = [PageShell.NavItem(href: root + paths.home, label: "Overview", isCurrent: kind == "home")]
        for corpus in content.corpora {
            let href = paths.corpus(corpus.id)
            nav.append(.init(href: root + href, label: corpus.name, isCurrent: href == path))
        }
        if let first = content.narratives.first {
            nav.append(.init(href: root + paths.narratives(first.id), label: "Narratives",
                             isCurrent: kind == "narratives" && path == paths.narratives(first.id)))
        }
        nav.append(.init(href: root + paths.methods, label: "Methods", isCurrent: kind == "methods"))
        nav.append(.init(href: root + paths.data, label: "Data", isCurrent: kind == "data"))
        return PageShell(root: root, pageTitle: title == content.title ? title : "\(title) · \(content.title)",
                         siteTitle: content.title, description: description, nav: nav,
                         footer: content.footer, hasFooter: !content.footer.isEmpty,
                         stylesheet: root + paths.stylesheet, script: root + paths.script, kind: kind)
    }

    func statisticRows(_ rows: [StatisticRow], root: String) -> [StatisticRowView] {
        rows.map { row in
            StatisticRowView(method: methodName(row.methodID),
                             methodHref: root + paths.methods + "#" + methodAnchor(row.methodID),
                             layer: row.layer.isEmpty ? "–" : row.layer, statistic: row.statistic,
                             estimate: Formatting.fixed(row.estimate, digits: 3),
                             interval: Formatting.interval(row.lower, row.upper),
                             p: Formatting.pValue(row.pValue), n: Formatting.count(row.n))
        }
    }

    func metrics(_ metrics: [Metric]) -> [MetricView] {
        metrics.map { MetricView(label: $0.label, value: $0.digits == 0 ? Formatting.count(Int($0.value.rounded())) : Formatting.fixed($0.value, digits: $0.digits)) }
    }

    func wordHref(_ word: String, root: String) -> String? {
        wordsWithPages.contains(word) ? root + paths.word(word) : nil
    }
}
