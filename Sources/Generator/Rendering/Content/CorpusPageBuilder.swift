// CorpusPageBuilder: one corpus's results → its page: the statistics table, the per-layer series, the LAT scatter
// beside the paper's regression, the top words and the traced examples.
import Core
import Foundation

enum CorpusPageBuilder {
    static func layerLabel(_ layer: Int?, method: String, depth: Int) -> String {
        guard let layer else { return "" }
        if layer == 0 { return "input" }
        if method == MethodID.rawAttention.rawValue && layer == depth - 1 { return "context" }
        return "layer \(layer)"
    }

    static func content(_ r: CorpusResults) -> CorpusContent {
        let depthByMethod = Dictionary(r.report.entries.compactMap { e in e.layer.map { (e.method, $0 + 1) } },
                                       uniquingKeysWith: max)
        var rows: [StatisticRow] = []
        for entry in r.report.entries {
            let layer = layerLabel(entry.layer, method: entry.method, depth: depthByMethod[entry.method] ?? 0)
            for target in entry.targets {
                let what = targetLabel(target.target)
                if let rho = target.spearman {
                    rows.append(StatisticRow(methodID: entry.method, layer: layer, statistic: "Spearman ρ, \(what)",
                                             estimate: rho.estimate, lower: rho.interval?.lower, upper: rho.interval?.upper,
                                             pValue: rho.adjusted?.holm ?? rho.pValue, n: rho.n))
                }
                if let q = target.quadratic, let b2 = q.orthogonal.coefficients.last {
                    rows.append(StatisticRow(methodID: entry.method, layer: layer,
                                             statistic: "quadratic term t (poly), \(target.target.lexicon) valence",
                                             estimate: b2.t, pValue: q.quadraticVersusLinear.adjusted?.holm ?? b2.pValue,
                                             n: q.orthogonal.n))
                }
                if let top = target.topK.first(where: { $0.k == 100 }) ?? target.topK.first, let d = top.cohenD {
                    rows.append(StatisticRow(methodID: entry.method, layer: layer,
                                             statistic: "Cohen's d, top \(top.k) vs rest, \(what)",
                                             estimate: d.estimate, lower: d.interval?.lower, upper: d.interval?.upper,
                                             pValue: top.welch.map { $0.adjusted?.holm ?? $0.pValue }, n: d.n1 + d.n2))
                }
            }
        }
        // Per-layer series of the primary Spearman for the layered methods.
        var lines: [LayerSeries.Line] = []
        let maxDepth = depthByMethod.values.max() ?? 1
        for (method, depth) in depthByMethod.sorted(by: { $0.key < $1.key }) {
            var values = [Double?](repeating: nil, count: maxDepth)
            for entry in r.report.entries where entry.method == method {
                guard let layer = entry.layer, layer < depth else { continue }
                values[layer] = entry.targets.first?.spearman?.estimate
            }
            lines.append(LayerSeries.Line(methodID: method, values: values))
        }
        let labels = (0..<maxDepth).map { $0 == 0 ? "input" : "\($0)" }
        let series = lines.isEmpty ? [] : [LayerSeries(statistic: "Spearman ρ with |V − 5| (Warriner), by layer",
                                                       layerLabels: labels, lines: lines)]
        let latEntry = r.report.entries.first { $0.method == MethodID.lat.rawValue && $0.layer == nil }
        let scatter = scatterContent(latEntry, published: PublishedFigures.row(for: r.corpus.task))
        let topWords = r.report.entries.filter { $0.layer == nil }.map { entry in
            TopWordList(methodID: entry.method, words: entry.topWords.prefix(25).map {
                TopWord(word: $0.word, score: $0.meanScore, valence: $0.ratings["warriner.valence.intensity"])
            })
        }
        let rationales = Dictionary(r.dataset.split(r.corpus.split).map { ($0.id, $0.rationale) }, uniquingKeysWith: { a, _ in a })
        let examples = r.records.map { record in
            var example = ExampleContentBuilder.content(record, dataset: r.dataset)
            example.rationale = (rationales[record.id] ?? nil).map { Array($0.prefix(record.tokens.count)) }
            if let spread = r.seeds?.latSpread[record.id], let seeds = r.seeds?.comparison?.seeds.count {
                example.seedSpread = SeedSpreadContent(seeds: seeds, mean: spread.mean, standardDeviation: spread.standardDeviation)
            }
            return example
        }
        var content = CorpusContent(id: r.corpus.id, name: r.corpus.modelName, description: r.description,
                                    metrics: SiteContentBuilder.modelMetrics(r.metrics), statistics: rows + SiteContentBuilder.faithfulnessStatistics(r),
                                    layerSeries: series + SiteContentBuilder.faithfulnessSeries(r), scatter: scatter,
                                    topWords: topWords, examples: examples)
        content.faithfulness = SiteContentBuilder.faithfulnessRows(r, inputOnly: false)
        content.methodComparisons = SiteContentBuilder.methodComparisons(r)
        content.seeds = r.seeds.flatMap { summary in
            summary.comparison.map { comparison in
                var seeds = seedsContent(comparison, metrics: summary.metrics, depths: depthByMethod)
                if let faithfulness = summary.faithfulness { addFaithfulness(faithfulness, to: &seeds) }
                return seeds
            }
        }
        content.control = r.control.map { control in
            ControlContent(examples: control.examples, steps: control.steps, rows: control.methods.map { row in
                ControlContent.Row(methodID: row.method, rho: row.rho.map { $0?.estimate }, lower: row.rho.map { $0?.interval?.lower },
                                   upper: row.rho.map { $0?.interval?.upper }, tau: row.tau, survives: row.survivesRandomisation)
            })
        }
        content.agreement = r.seeds.map {
            agreementMatrix($0.agreement, seeds: $0.comparison?.seeds.count ?? 1, ties: $0.ties)
        }
        return content
    }

    static func seedsContent(_ c: SeedComparison, metrics: [SeedMetric], depths: [String: Int]) -> SeedsContent {
        SeedsContent(
            seeds: c.seeds, statistic: c.statistic, resamples: c.resamples,
            metrics: metrics.map {
                SeedsContent.Metric(label: $0.label, perSeed: $0.perSeed, mean: $0.mean, standardDeviation: $0.standardDeviation)
            },
            figures: c.figures.map {
                SeedsContent.Figure(methodID: $0.method, layer: layerLabel($0.layer, method: $0.method, depth: depths[$0.method] ?? 0),
                                    isBaseline: $0.isBaseline, perSeed: $0.perSeed, mean: $0.mean,
                                    standardDeviation: $0.betweenSeedSD, lower: $0.interval?.lower, upper: $0.interval?.upper)
            },
            pairs: c.pairs.map {
                SeedsContent.Pair(first: $0.first, second: $0.second, perSeed: $0.perSeed, firstWins: $0.firstWins,
                                  meanDifference: $0.meanDifference, lower: $0.interval?.lower, upper: $0.interval?.upper,
                                  holm: $0.holm)
            })
    }

    /// The input-level faithfulness figures, and the pairs of the figures the corpus page compares pairwise.
    static func addFaithfulness(_ f: FaithfulnessAcrossSeeds, to seeds: inout SeedsContent) {
        func label(_ figure: FaithfulnessFigure) -> String { figure.displayName + (figure.isHigherBetter ? " ↑" : " ↓") }
        seeds.faithfulness = f.figures.filter { $0.key.layer == nil }.map {
            SeedsContent.Figure(methodID: $0.key.method.rawValue, statistic: label($0.figure), layer: "", isBaseline: false,
                                perSeed: $0.perSeed, mean: $0.mean, standardDeviation: $0.betweenSeedSD,
                                lower: $0.interval?.lower, upper: $0.interval?.upper)
        }
        seeds.faithfulnessPairs = f.pairs.filter { SiteContentBuilder.comparedFigures.contains($0.figure) }.map {
            SeedsContent.Pair(first: $0.first.rawValue, second: $0.second.rawValue, statistic: label($0.figure),
                              perSeed: $0.perSeed, firstWins: $0.firstBetter, meanDifference: $0.meanDifference,
                              lower: $0.interval?.lower, upper: $0.interval?.upper, holm: $0.holm)
        }
    }

    /// The methods × methods matrix of mean τ-b (symmetric; nil on the diagonal and for undefined pairs).
    static func agreementMatrix(_ pairs: [AgreementPair], seeds: Int, ties: [String: [ScoreTies]]) -> AgreementMatrix {
        let methods = Array(Set(pairs.flatMap { [$0.first, $0.second] })).sorted()
        let position = Dictionary(uniqueKeysWithValues: methods.enumerated().map { ($1, $0) })
        var cells = [[AgreementMatrix.Cell?]](repeating: Array(repeating: nil, count: methods.count), count: methods.count)
        for pair in pairs {
            let i = position[pair.first]!, j = position[pair.second]!
            let cell = AgreementMatrix.Cell(mean: pair.mean, perSeed: pair.perSeed, lower: pair.interval?.lower,
                                            upper: pair.interval?.upper, sentences: pair.sentences.min() ?? 0)
            cells[i][j] = cell
            cells[j][i] = cell
        }
        return AgreementMatrix(seeds: seeds, methodIDs: methods, cells: cells, ties: ties.keys.sorted().map { id in
            AgreementMatrix.Ties(methodID: id, tiedWords: ties[id]!.map(\.tiedTokens), sharedTop: ties[id]!.map(\.sharedTop),
                                 sentences: ties[id]!.map(\.sentences).min() ?? 0)
        })
    }

    /// The across-seeds figures and pairs as rows of the statistics CSV.
    static func seedStatistics(_ seeds: SeedsContent) -> [StatisticRow] {
        let list = seeds.seeds.map(String.init).joined(separator: ", ")
        let figures = seeds.figures.map {
            StatisticRow(methodID: $0.methodID, layer: $0.layer,
                         statistic: "\(seeds.statistic), mean over seeds \(list) (hierarchical bootstrap)",
                         estimate: $0.mean, lower: $0.lower, upper: $0.upper, n: seeds.seeds.count)
        }
        let pairs = seeds.pairs.map {
            StatisticRow(methodID: $0.first,
                         statistic: "\(seeds.statistic): difference \($0.first) − \($0.second), mean over seeds \(list), higher in \($0.firstWins) of \(seeds.seeds.count)",
                         estimate: $0.meanDifference, lower: $0.lower, upper: $0.upper, pValue: $0.holm, n: seeds.seeds.count)
        }
        let faithfulness = seeds.faithfulness.map {
            StatisticRow(methodID: $0.methodID, statistic: "\($0.statistic), mean over seeds \(list) (hierarchical bootstrap)",
                         estimate: $0.mean, lower: $0.lower, upper: $0.upper, n: seeds.seeds.count)
        }
        let faithfulnessPairs = seeds.faithfulnessPairs.map {
            StatisticRow(methodID: $0.first,
                         statistic: "\($0.statistic): difference \($0.first) − \($0.second), mean over seeds \(list), better in \($0.firstWins) of \(seeds.seeds.count)",
                         estimate: $0.meanDifference, lower: $0.lower, upper: $0.upper, pValue: $0.holm, n: seeds.seeds.count)
        }
        return figures + pairs + faithfulness + faithfulnessPairs
    }

    static func targetLabel(_ t: ValidationTarget) -> String {
        let lexicon = t.lexicon == "warriner" ? "Warriner" : t.lexicon == "vader" ? "VADER" : t.lexicon
        return t.measure == .intensity ? "\(lexicon) |\(t.dimension.rawValue) − neutral|" : "\(lexicon) \(t.dimension.rawValue)"
    }

    /// `published`: the paper's row to compare with; nil for a user's corpus (the page leaves the column out).
    static func scatterContent(_ entry: MethodLayerValidation?, published: PublishedFigures?) -> ScatterContent {
        let target = entry?.targets.first { $0.quadratic != nil }
        let points = (entry?.scatter ?? []).map {
            ScatterPoint(word: $0.word, valence: $0.valence, score: $0.meanScore, occurrences: $0.n)
        }
        var fit = QuadraticFit(b0: 0, b1: 0, b2: 0, rSquared: 0)
        var comparison: [ComparisonRow] = []
        if let q = target?.quadratic {
            let c = q.quadratic.coefficients.map(\.estimate)
            if c.count == 3 { fit = QuadraticFit(b0: c[0], b1: c[1], b2: c[2], rSquared: q.quadratic.rSquared) }
            let poly = q.orthogonal.coefficients
            comparison = [
                ComparisonRow(label: "word types (seen more than once)", ours: "\(q.orthogonal.n)", published: published?.wordTypes),
                ComparisonRow(label: "linear term t", ours: String(format: "%.2f", poly.count > 1 ? poly[1].t : .nan), published: published?.linearT),
                ComparisonRow(label: "quadratic term t", ours: String(format: "%.2f", poly.count > 2 ? poly[2].t : .nan), published: published?.quadraticT),
                ComparisonRow(label: "R²", ours: String(format: "%.3f", q.orthogonal.rSquared), published: published?.rSquared),
            ]
        }
        return ScatterContent(methodID: MethodID.lat.rawValue, lexicon: "Warriner valence (1–9)", points: points,
                              fit: fit, comparison: comparison)
    }
}
