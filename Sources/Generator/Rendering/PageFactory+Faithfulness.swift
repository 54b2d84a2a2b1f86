// PageFactory+Faithfulness: the faithfulness and plausibility table's rows, every number already a string.

/// One row of `partials/faithfulness-table`: a method (at one layer) of one corpus, four figures.
struct FaithfulnessRowView: Sendable {
    /// The corpus id (short, as in the key statistics' "sst5: …").
    var corpus: String
    var method: String
    var methodHref: String
    var layer: String
    var cells: [Cell]

    struct Cell: Sendable {
        var estimate: String
        var interval: String
        var p: String
        /// False for the random baseline itself (nothing to compare with).
        var hasP: Bool
        var n: String
        /// False for a figure not measured on this corpus (EmoBank has no human rationales).
        var isMeasured: Bool
    }
}

extension PageFactory {
    func faithfulnessRows(_ rows: [FaithfulnessRow], root: String) -> [FaithfulnessRowView] {
        rows.map { row in
            FaithfulnessRowView(
                corpus: row.corpusID, method: methodName(row.methodID),
                methodHref: root + paths.methods + "#" + methodAnchor(row.methodID),
                layer: row.layer.isEmpty ? "–" : row.layer,
                cells: row.cells.map { cell in
                    guard let cell else { return .init(estimate: "–", interval: "", p: "", hasP: false, n: "", isMeasured: false) }
                    return .init(estimate: Formatting.fixed(cell.estimate, digits: 3),
                                 interval: Formatting.interval(cell.lower, cell.upper),
                                 p: Formatting.pValue(cell.pValue), hasP: cell.pValue != nil,
                                 n: Formatting.count(cell.n), isMeasured: true)
                })
        }
    }
}
