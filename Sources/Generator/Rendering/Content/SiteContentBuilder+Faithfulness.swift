// SiteContentBuilder+Faithfulness: a faithfulness summary → table rows, statistics rows (CSV) and per-layer series.
import Core

extension SiteContentBuilder {
    /// The per-token random attribution drawn by the faithfulness step (the validation's random baseline is a
    /// different one, shuffling scores across occurrences).
    /// The four figures the tables and charts show, in column order.
    static let shownFigures: [FaithfulnessFigure] = [.comprehensiveness, .sufficiency, .auprc, .f1]

    /// Depth (layer count) of each layer-wise method, read from the first trace record.
    static func traceDepths(_ r: CorpusResults) -> [MethodID: Int] {
        (r.records.first?.attributions ?? [:]).compactMapValues { $0.layers?.count }
    }

    static func label(_ key: AttributionKey, depths: [MethodID: Int]) -> String {
        CorpusPageBuilder.layerLabel(key.layer, method: key.method.rawValue, depth: depths[key.method] ?? 0)
    }

    /// One row per key (only the methods' input scores when `inputOnly`), in key order.
    static func faithfulnessRows(_ r: CorpusResults, inputOnly: Bool) -> [FaithfulnessRow] {
        guard let summary = r.faithfulness else { return [] }
        let depths = traceDepths(r)
        let keys = Set(summary.figures.values.flatMap(\.keys)).sorted().filter { !inputOnly || $0.layer == nil }
        return keys.map { key in
            FaithfulnessRow(corpusID: r.corpus.id, methodID: key.method.rawValue, layer: label(key, depths: depths),
                            cells: shownFigures.map { figure in summary.figures[figure]?[key].map(cell) })
        }
    }

    static func cell(_ s: FigureSummary) -> FaithfulnessCell {
        FaithfulnessCell(estimate: s.mean, lower: s.interval?.lower, upper: s.interval?.upper,
                         pValue: s.versusRandom.map { $0.adjusted?.holm ?? $0.pValue }, n: s.n)
    }

    /// Every figure of every key as statistics rows (the corpus table and its CSV download).
    static func faithfulnessStatistics(_ r: CorpusResults) -> [StatisticRow] {
        guard let summary = r.faithfulness else { return [] }
        let depths = traceDepths(r)
        return summary.figures.keys.sorted().flatMap { figure in
            summary.figures[figure]!.keys.sorted().map { key in
                let c = cell(summary.figures[figure]![key]!)
                return StatisticRow(methodID: key.method.rawValue, layer: label(key, depths: depths),
                                    statistic: figure.displayName + (figure.isHigherBetter ? " (↑)" : " (↓)"),
                                    estimate: c.estimate, lower: c.lower, upper: c.upper, pValue: c.pValue, n: c.n)
            }
        }
    }

    /// One chart per shown figure: each layer-wise method's mean against depth (depth 0 = its input scores).
    static func faithfulnessSeries(_ r: CorpusResults) -> [LayerSeries] {
        guard let summary = r.faithfulness else { return [] }
        let depths = traceDepths(r)
        guard let maxDepth = depths.values.max() else { return [] }
        return shownFigures.compactMap { figure -> LayerSeries? in
            guard let byKey = summary.figures[figure] else { return nil }
            let lines = depths.keys.sorted().map { method in
                LayerSeries.Line(methodID: method.rawValue, values: (0..<maxDepth).map { l in
                    guard l < depths[method]! else { return nil }
                    // A missing depth was left out because it repeats the input scores (see `FaithfulnessInput`).
                    return (byKey[AttributionKey(method, layer: l)] ?? byKey[AttributionKey(method)])?.mean
                })
            }
            return LayerSeries(statistic: "\(figure.displayName) \(figure.isHigherBetter ? "↑" : "↓"), by layer",
                               layerLabels: (0..<maxDepth).map { $0 == 0 ? "input" : "\($0)" }, lines: lines)
        }
    }

    static func faithfulnessDownload(_ corpusID: String) -> DownloadFile {
        DownloadFile(path: SitePaths().faithfulnessSummary(corpusID), title: "\(corpusID): faithfulness and plausibility",
                     description: "ERASER comprehensiveness and sufficiency (per bin and AOPC) and, for SST, AUPRC, token F1, IOU and Spearman against the human rationales: per method × layer means with bootstrap intervals and Holm-adjusted Wilcoxon tests against random, and every pair of methods compared (`pairwise`: mean difference, paired bootstrap interval, Holm/BH-adjusted Wilcoxon).",
                     format: "JSON")
    }
}
