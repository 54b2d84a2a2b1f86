// SiteContentBuilder+MethodComparisons: a summary's pairwise method comparisons → corpus-page matrices and CSV rows.
import Core

extension SiteContentBuilder {
    /// The figures whose pairwise matrix the corpus page shows (AUPRC only where measured: SST).
    static let comparedFigures: [FaithfulnessFigure] = [.comprehensiveness, .auprc]

    /// One methods × methods matrix per shown figure; cell (row, column) is row − column, so the stored pair
    /// (first − second) fills (first, second) and its negation (second, first).
    static func methodComparisons(_ r: CorpusResults) -> [MethodComparisonMatrix] {
        guard let summary = r.faithfulness else { return [] }
        return comparedFigures.compactMap { figure in
            guard let pairs = summary.pairwise[figure], !pairs.isEmpty else { return nil }
            let methods = Set(pairs.flatMap { [$0.first.method, $0.second.method] }).sorted()
            let position = Dictionary(uniqueKeysWithValues: methods.enumerated().map { ($1, $0) })
            var cells = [[MethodComparisonCell?]](repeating: Array(repeating: nil, count: methods.count), count: methods.count)
            for pair in pairs {
                let i = position[pair.first.method]!, j = position[pair.second.method]!
                let p = pair.test.map { $0.adjusted?.holm ?? $0.pValue }
                cells[i][j] = MethodComparisonCell(difference: pair.meanDifference, lower: pair.interval?.lower,
                                                   upper: pair.interval?.upper, holmP: p, n: pair.n)
                cells[j][i] = MethodComparisonCell(difference: -pair.meanDifference, lower: pair.interval.map { -$0.upper },
                                                   upper: pair.interval.map { -$0.lower }, holmP: p, n: pair.n)
            }
            return MethodComparisonMatrix(statistic: figure.displayName, isHigherBetter: figure.isHigherBetter,
                                          methodIDs: methods.map(\.rawValue), cells: cells)
        }
    }

    /// Every stored pair of every figure as a statistics row of the CSV download: the first method, the statistic
    /// "<figure> (↑): difference <first> − <second>", the mean difference with its bootstrap interval, the
    /// Holm-adjusted p and n.
    static func methodComparisonStatistics(_ r: CorpusResults) -> [StatisticRow] {
        guard let summary = r.faithfulness else { return [] }
        return summary.pairwise.keys.sorted().flatMap { figure in
            summary.pairwise[figure]!.map { pair in
                StatisticRow(methodID: pair.first.method.rawValue,
                             statistic: "\(figure.displayName) (\(figure.isHigherBetter ? "↑" : "↓")): difference \(pair.first) − \(pair.second)",
                             estimate: pair.meanDifference, lower: pair.interval?.lower, upper: pair.interval?.upper,
                             pValue: pair.test.map { $0.adjusted?.holm ?? $0.pValue }, n: pair.n)
            }
        }
    }
}
