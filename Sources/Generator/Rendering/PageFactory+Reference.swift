// PageFactory+Reference: the Methods page (formulas) and the Data page (downloads).

struct MethodsPage: Sendable {
    var shell: PageShell
    var methods: [MethodSection]

    struct MethodSection: Sendable {
        var anchor: String
        var name: String
        var summary: String
        /// `methods/<id>` when Templates/methods/<id>.mustache exists, else `methods/generic`.
        var formula: String
    }
}

struct DataPage: Sendable {
    var shell: PageShell
    var downloads: [Download]
    var hasDownloads: Bool

    struct Download: Sendable {
        var href: String
        var path: String
        var title: String
        var description: String
        var format: String
    }
}

extension PageFactory {
    /// - Parameter hasFormula: whether a template named `methods/<id>` exists.
    func makeMethodsPage(hasFormula: (String) -> Bool) -> MethodsPage {
        MethodsPage(
            shell: shell(path: paths.methods, title: "Methods", kind: "methods",
                         description: "What each attribution method computes, and the statistics' definitions."),
            methods: content.methods.map { method in
                let partial = "methods/" + SitePaths.fileName(for: method.id)
                return .init(anchor: methodAnchor(method.id), name: method.name, summary: method.summary,
                             formula: hasFormula(partial) ? partial : "methods/generic")
            })
    }

    func makeDataPage() -> DataPage {
        let root = paths.root(from: paths.data)
        return DataPage(
            shell: shell(path: paths.data, title: "Data", kind: "data", description: "The traces and statistics for download."),
            downloads: content.downloads.map {
                .init(href: root + $0.path, path: $0.path, title: $0.title, description: $0.description, format: $0.format)
            },
            hasDownloads: !content.downloads.isEmpty)
    }
}
