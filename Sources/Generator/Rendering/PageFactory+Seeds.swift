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

    struct MetricRow: Sendable { var label, perSeed, mean, sd: String }
    struct FigureRow: Sendable { var method, methodHref, layer, perSeed, mean, sd, interval: String }
    struct PairRow: Sendable {
        var first, firstHref, second, secondHref, wins, difference, interval, p: String
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
            figures: seeds.figures.map {
                SeedsView.FigureRow(method: methodName($0.methodID), methodHref: href($0.methodID),
                                    layer: $0.layer.isEmpty ? "–" : $0.layer, perSeed: values($0.perSeed),
                                    mean: Formatting.fixed($0.mean, digits: 3), sd: Formatting.fixed($0.standardDeviation, digits: 3),
                                    interval: Formatting.interval($0.lower, $0.upper))
            },
            pairs: seeds.pairs.map {
                SeedsView.PairRow(first: methodName($0.first), firstHref: href($0.first), second: methodName($0.second),
                                  secondHref: href($0.second), wins: "\($0.firstWins) of \(seeds.seeds.count)",
                                  difference: Formatting.fixed($0.meanDifference, digits: 3),
                                  interval: Formatting.interval($0.lower, $0.upper), p: Formatting.pValue($0.holm),
                                  isSignificant: ($0.holm ?? 1) < 0.05)
            })
    }
}
