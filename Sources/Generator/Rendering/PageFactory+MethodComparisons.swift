// PageFactory+MethodComparisons: the corpus page's methods × methods difference matrices, every number a string.

/// One matrix of `partials/method-comparisons`: rows and columns are the methods, cell (row, column) is the mean of
/// row − column.
struct MethodMatrixView: Sendable {
    /// "Comprehensiveness AOPC ↑".
    var caption: String
    /// "n 1,821" (or "n 1,700–1,821" when the pairs differ).
    var n: String
    var columns: [Column]
    var rows: [Row]

    struct Column: Sendable {
        /// The short method id ("lat"), with its display name as the hover.
        var id: String
        var name: String
    }

    struct Row: Sendable {
        var method: String
        var methodHref: String
        var cells: [Cell]
    }

    struct Cell: Sendable {
        /// "+0.021*", "−0.004", or "" on the diagonal.
        var text: String
        /// "95% CI [0.012, 0.034], Holm p 0.003"; empty on the diagonal.
        var hover: String
        var hasHover: Bool
        /// Holm-adjusted p < 0.05.
        var isSignificant: Bool
    }
}

extension PageFactory {
    /// Significance level of the marker.
    static let comparisonAlpha = 0.05

    func methodMatrices(_ matrices: [MethodComparisonMatrix], root: String) -> [MethodMatrixView] {
        matrices.map { matrix in
            let counts = matrix.cells.flatMap { $0.compactMap { $0?.n } }
            let low = counts.min() ?? 0, high = counts.max() ?? 0
            return MethodMatrixView(
                caption: matrix.statistic.prefix(1).uppercased() + matrix.statistic.dropFirst()
                    + (matrix.isHigherBetter ? " ↑" : " ↓"),
                n: "n " + (low == high ? Formatting.count(low) : Formatting.count(low) + "–" + Formatting.count(high)),
                columns: matrix.methodIDs.map { .init(id: $0, name: methodName($0)) },
                rows: zip(matrix.methodIDs, matrix.cells).map { id, cells in
                    .init(method: methodName(id), methodHref: root + paths.methods + "#" + methodAnchor(id),
                          cells: cells.map(comparisonCell))
                })
        }
    }

    func comparisonCell(_ cell: MethodComparisonCell?) -> MethodMatrixView.Cell {
        guard let cell else { return .init(text: "", hover: "", hasHover: false, isSignificant: false) }
        let isSignificant = (cell.holmP ?? 1) < Self.comparisonAlpha
        let difference = Formatting.fixed(cell.difference, digits: 3)
        let signed = cell.difference > 0 && !difference.allSatisfy({ "0.".contains($0) }) ? "+" + difference : difference
        let p = cell.holmP.map { "Holm p " + Formatting.pValue($0) } ?? "not tested"
        return .init(text: signed + (isSignificant ? "*" : ""),
                     hover: "95% CI " + Formatting.interval(cell.lower, cell.upper) + ", " + p,
                     hasHover: true, isSignificant: isSignificant)
    }
}
