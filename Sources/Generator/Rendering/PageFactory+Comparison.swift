// PageFactory+Comparison: the home page's side-by-side tables of models traced on the same sentences.

extension HomePage {
    struct ComparisonView: Sendable {
        var title: String
        var models: [String]
        var rows: [Row]

        struct Row: Sendable {
            var method: String
            var methodHref: String
            var cells: [Cell]
        }
        struct Cell: Sendable {
            var estimate: String
            var interval: String
            var p: String
            var n: String
        }
    }
}

extension PageFactory {
    func comparisonViews(root: String) -> [HomePage.ComparisonView] {
        content.modelComparisons.map { comparison in
            HomePage.ComparisonView(title: comparison.title, models: comparison.models, rows: comparison.rows.map { row in
                .init(method: methodName(row.methodID), methodHref: root + paths.methods + "#" + methodAnchor(row.methodID),
                      cells: row.cells.map { cell in
                          guard let cell else { return .init(estimate: "—", interval: "", p: "", n: "") }
                          return .init(estimate: Formatting.fixed(cell.estimate), interval: Formatting.interval(cell.lower, cell.upper),
                                       p: Formatting.pValue(cell.pValue), n: Formatting.count(cell.n))
                      })
            })
        }
    }
}
