// PageFactory+Agreement: the corpus page's methods × methods matrix of rank agreement (mean Kendall τ-b per sentence).

extension PageFactory {
    /// What each agreement cell averages over, for the section's text.
    func agreementAverage(_ matrix: AgreementMatrix?) -> String {
        guard let seeds = matrix?.seeds, seeds > 1 else {
            return "the mean over sentences, with a bootstrap 95% interval (sentences resampled)"
        }
        return "the mean over \(Formatting.spelledOut(seeds)) seeds of each seed's mean over sentences, with a "
            + "hierarchical bootstrap 95% interval (seeds, then sentences)"
    }

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
