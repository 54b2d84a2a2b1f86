// PageFactory+Agreement: the corpus page's methods × methods matrix of rank agreement (mean Kendall τ-b per sentence).

extension PageFactory {
    /// `partials/agreement`, in the shape of the difference matrices: a cell's hover has the interval, the per-seed
    /// means and the sentences; nothing is marked significant (agreement is described, not tested).
    func agreementView(_ matrix: AgreementMatrix, root: String) -> MethodMatrixView {
        let counts = matrix.cells.flatMap { $0.compactMap { $0?.sentences } }
        return MethodMatrixView(
            caption: "Kendall τ-b per sentence", n: "sentences " + Formatting.count(counts.min() ?? 0) + "–" + Formatting.count(counts.max() ?? 0),
            columns: matrix.methodIDs.map { .init(id: $0, name: methodName($0)) },
            rows: zip(matrix.methodIDs, matrix.cells).map { id, cells in
                .init(method: methodName(id), methodHref: root + paths.methods + "#" + methodAnchor(id), cells: cells.map { cell in
                    guard let cell else { return .init(text: "", hover: "", hasHover: false, isSignificant: false) }
                    let perSeed = matrix.seeds > 1
                        ? ", per seed " + cell.perSeed.map { Formatting.fixed($0, digits: 2) }.joined(separator: " · ") : ""
                    return .init(text: Formatting.fixed(cell.mean, digits: 2),
                                 hover: "95% CI " + Formatting.interval(cell.lower, cell.upper) + perSeed
                                     + ", " + Formatting.count(cell.sentences) + " sentences",
                                 hasHover: true, isSignificant: false)
                })
            })
    }
}
