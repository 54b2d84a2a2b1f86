// SSTRationale: per-token human rationales derived from SST's phrase labels.
//
// Reference: Carton, Rathore & Tan 2020, "Evaluating and Characterizing Human Rationales" (EMNLP).

/// The human rationale of each leaf of `root`, left to right: 0, 0.5 or 1.
///
/// 1. Normalise every label: `v = (label − 2) / 2`, so `|v|` ∈ {0, 0.5, 1}.
/// 2. A node is *explanatory* when `|v(node)| > |v(d)|` for every descendant `d` (strictly; a leaf
///    has no descendants, so it is explanatory).
/// 3. Walking down from the root, each leaf takes `|v|` of the first explanatory node covering it.
///
/// Ties are not explanatory: a node labelled 4 over a child labelled 0 is passed by, and its
/// leaves take their values further down. An all-neutral tree gives every token 0.
public func humanRationale(_ root: SSTNode) -> [Double] {
    var values: [Double] = []
    assignRationale(root, into: &values)
    return values
}

/// |(label − 2) / 2|.
private func strength(_ node: SSTNode) -> Double { abs(Double(node.label - 2) / 2) }

/// The largest strength among the descendants of `node` (−1 when it has none).
private func strongestDescendant(_ node: SSTNode) -> Double {
    node.children.reduce(-1) { max($0, strength($1), strongestDescendant($1)) }
}

private func assignRationale(_ node: SSTNode, into values: inout [Double]) {
    let value = strength(node)
    if value > strongestDescendant(node) {
        values.append(contentsOf: repeatElement(value, count: node.leaves.count))
    } else {
        for child in node.children { assignRationale(child, into: &values) }
    }
}
