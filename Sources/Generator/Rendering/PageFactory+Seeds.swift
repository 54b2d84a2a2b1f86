// PageFactory+Seeds: the corpus page's across-seeds section — test figures, every method × layer, every pair.

/// The corpus page's section on what holds across training seeds.
struct SeedsView: Sendable {
    var count: String
    var seedList: String
    var statistic: String
    var resamples: String
    var metrics: [MetricRow]
    var figures: [FigureRow]
    var pairs: [PairRow]
    var faithfulness: [FigureRow]
    var faithfulnessPairs: [PairRow]
    var hasFaithfulness: Bool

    struct MetricRow: Sendable { var label, perSeed, mean, sd: String }
    struct FigureRow: Sendable { var method, methodHref, statistic, layer, perSeed, mean, sd, interval: String }
    struct PairRow: Sendable {
        var first, firstHref, second, secondHref, statistic, wins, difference, interval, p: String
        var isSignificant: Bool
    }
}

extension PageFactory {
    func seedsView(_ seeds: SeedsContent, root: String) -> SeedsView {
        func values(_ list: [Double]) -> String { list.map { Formatting.fixed($0, digits: 3) }.joined(separator: " · ") }
        let href = { (id: String) in root + self.paths.methods + "#" + self.methodAnchor(id) }
        return SeedsView(
            count: Formatting.spelledOut(seeds.seeds.count), seedList: seeds.seeds.map(String.init).joined(separator: ", "),
            statistic: seeds.statistic, resamples: Formatting.count(seeds.resamples),
            metrics: seeds.metrics.map {
                SeedsView.MetricRow(label: $0.label, perSeed: values($0.perSeed), mean: Formatting.fixed($0.mean, digits: 3),
                                    sd: Formatting.fixed($0.standardDeviation, digits: 3))
            },
            figures: seeds.figures.map(figure), pairs: seeds.pairs.map(pair),
            faithfulness: seeds.faithfulness.map(figure), faithfulnessPairs: seeds.faithfulnessPairs.map(pair),
            hasFaithfulness: !seeds.faithfulness.isEmpty)

        func figure(_ f: SeedsContent.Figure) -> SeedsView.FigureRow {
            SeedsView.FigureRow(method: methodName(f.methodID), methodHref: href(f.methodID), statistic: f.statistic,
                                layer: f.layer.isEmpty ? "–" : f.layer, perSeed: values(f.perSeed),
                                mean: Formatting.fixed(f.mean, digits: 3), sd: Formatting.fixed(f.standardDeviation, digits: 3),
                                interval: Formatting.interval(f.lower, f.upper))
        }
        func pair(_ p: SeedsContent.Pair) -> SeedsView.PairRow {
            SeedsView.PairRow(first: methodName(p.first), firstHref: href(p.first), second: methodName(p.second),
                              secondHref: href(p.second), statistic: p.statistic, wins: "\(p.firstWins) of \(seeds.seeds.count)",
                              difference: Formatting.fixed(p.meanDifference, digits: 3),
                              interval: Formatting.interval(p.lower, p.upper), p: Formatting.pValue(p.holm),
                              isSignificant: (p.holm ?? 1) < 0.05)
        }
    }
}
