// PageFactory+Agreement: the corpus page's methods × methods matrix of rank agreement (mean Kendall τ-b per sentence).

/// `partials/agreement`: one symmetric matrix; a cell's hover has the interval, the per-seed means and the sentences.
struct AgreementView: Sendable {
    var columns: [MethodMatrixView.Column]
    var rows: [Row]

    struct Row: Sendable {
        var method: String
        var methodHref: String
        var cells: [Cell]
    }

    struct Cell: Sendable {
        var text: String
        var hover: String
        var hasHover: Bool
    }
}

extension PageFactory {
    func agreementView(_ matrix: AgreementMatrix, root: String) -> AgreementView {
        AgreementView(
            columns: matrix.methodIDs.map { .init(id: $0, name: methodName($0)) },
            rows: zip(matrix.methodIDs, matrix.cells).map { id, cells in
                .init(method: methodName(id), methodHref: root + paths.methods + "#" + methodAnchor(id), cells: cells.map { cell in
                    guard let cell else { return .init(text: "", hover: "", hasHover: false) }
                    let perSeed = matrix.seeds > 1
                        ? ", per seed " + cell.perSeed.map { Formatting.fixed($0, digits: 2) }.joined(separator: " · ") : ""
                    return .init(text: Formatting.fixed(cell.mean, digits: 2),
                                 hover: "95% CI " + Formatting.interval(cell.lower, cell.upper) + perSeed
                                     + ", " + Formatting.count(cell.sentences) + " sentences",
                                 hasHover: true)
                })
            })
    }
}
