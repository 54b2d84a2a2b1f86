// ValidationReport+Adjustment: Holm and Benjamini–Hochberg adjustment of every family of p-values in a report.

/// Where a p-value lives in a `TargetStatistics`.
private enum Slot: CaseIterable {
    case spearman, quadraticVersusLinear, welch, mannWhitney

    var name: String {
        switch self {
        case .spearman: "spearman"
        case .quadraticVersusLinear: "quadratic-vs-linear"
        case .welch: "welch"
        case .mannWhitney: "mann-whitney"
        }
    }

    func pValue(_ statistics: TargetStatistics, k: Int) -> Double? {
        switch self {
        case .spearman: statistics.spearman?.pValue
        case .quadraticVersusLinear: statistics.quadratic?.quadraticVersusLinear.pValue
        case .welch: statistics.topK[k].welch?.pValue
        case .mannWhitney: statistics.topK[k].mannWhitney?.pValue
        }
    }

    func set(_ adjusted: AdjustedPValues, _ statistics: inout TargetStatistics, k: Int) {
        switch self {
        case .spearman: statistics.spearman?.adjusted = adjusted
        case .quadraticVersusLinear: statistics.quadratic?.quadraticVersusLinear.adjusted = adjusted
        case .welch: statistics.topK[k].welch?.adjusted = adjusted
        case .mannWhitney: statistics.topK[k].mannWhitney?.adjusted = adjusted
        }
    }

    var isPerK: Bool { self == .welch || self == .mannWhitney }
}

/// Adjusts p-values within families. A family is one statistic on one target (and one k for the top-k tests),
/// across every entry of the report — all methods, all layers and both baselines. Both Holm (family-wise error)
/// and Benjamini–Hochberg (false discovery rate) are stored; undefined statistics are not counted.
func adjustPValues(_ report: inout ValidationReport) {
    guard let first = report.entries.first else {
        report.correction = "no entries"
        return
    }
    for (targetIndex, target) in first.targets.enumerated() {
        for slot in Slot.allCases {
            let kIndices = slot.isPerK ? Array(report.options.topK.indices) : [0]
            for kIndex in kIndices {
                let family = target.target.key + "." + (slot.isPerK ? "top\(report.options.topK[kIndex])." : "")
                    + slot.name
                var members: [(entry: Int, p: Double)] = []
                for (entryIndex, entry) in report.entries.enumerated() {
                    if let p = slot.pValue(entry.targets[targetIndex], k: kIndex) { members.append((entryIndex, p)) }
                }
                guard !members.isEmpty else { continue }
                let holm = holmAdjusted(members.map(\.p))
                let bh = benjaminiHochbergAdjusted(members.map(\.p))
                for (i, member) in members.enumerated() {
                    let adjusted = AdjustedPValues(holm: holm[i], benjaminiHochberg: bh[i], family: family,
                                                   familySize: members.count)
                    slot.set(adjusted, &report.entries[member.entry].targets[targetIndex], k: kIndex)
                }
            }
        }
    }
    report.correction = "Holm and Benjamini–Hochberg adjusted p-values within each family — one statistic on one "
        + "lexicon target (and one k) — across all \(report.entries.count) methods × layers, baselines included."
}
