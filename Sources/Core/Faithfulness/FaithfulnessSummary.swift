// FaithfulnessSummary: per-example faithfulness and plausibility → per method × layer means, CIs, tests vs random and between methods.
import Foundation

/// The figures reported per attribution key. Raw values are the example-level numbers; `isHigherBetter`
/// says which direction is "more faithful / more plausible".
public enum FaithfulnessFigure: String, Codable, CaseIterable, CodingKeyRepresentable, Comparable, Sendable {
    case comprehensiveness = "comprehensiveness-aopc"
    case sufficiency = "sufficiency-aopc"
    case auprc
    case f1 = "token-f1"
    case iou
    case spearman

    public var displayName: String {
        switch self {
        case .comprehensiveness: "comprehensiveness AOPC"
        case .sufficiency: "sufficiency AOPC"
        case .auprc: "AUPRC vs human rationale"
        case .f1: "token F1 vs human rationale"
        case .iou: "IOU vs human rationale"
        case .spearman: "Spearman ρ vs human rationale"
        }
    }

    /// Sufficiency is a loss (lower: the kept tokens alone already give the prediction); every other figure is a gain.
    public var isHigherBetter: Bool { self != .sufficiency }

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

    /// The figure's value in one example, nil when undefined there (plausibility without a positive token).
    func value(_ example: ExampleEvaluation, _ key: AttributionKey) -> Double? {
        switch self {
        case .comprehensiveness: example.faithfulness[key]?.comprehensivenessAOPC
        case .sufficiency: example.faithfulness[key]?.sufficiencyAOPC
        case .auprc: example.plausibility?[key]?.auprc
        case .f1: example.plausibility?[key]?.f1
        case .iou: example.plausibility?[key]?.iou
        case .spearman: example.plausibility?[key]?.spearman
        }
    }
}

/// One example's faithfulness (every key) and, when a human rationale exists, plausibility (every key).
public struct ExampleEvaluation: Codable, Equatable, Sendable {
    public var id: String
    public var faithfulness: [AttributionKey: FaithfulnessResult]
    public var plausibility: [AttributionKey: PlausibilityResult]?
    public var sequencesScored: Int

    public init(id: String, faithfulness: [AttributionKey: FaithfulnessResult],
                plausibility: [AttributionKey: PlausibilityResult]?, sequencesScored: Int) {
        self.id = id
        self.faithfulness = faithfulness
        self.plausibility = plausibility
        self.sequencesScored = sequencesScored
    }
}

/// A figure of one key averaged over the examples where it is defined.
public struct FigureSummary: Codable, Equatable, Sendable {
    public var mean: Double
    /// Seeded percentile bootstrap of the mean over examples; nil when fewer than 2 examples.
    public var interval: ConfidenceInterval?
    public var n: Int
    /// Paired comparison with the random baseline over the examples where both are defined (nil for the
    /// baseline itself, or when every difference is zero). `adjusted` is Holm/BH over every key of the figure.
    public var versusRandom: TwoSampleResult?
}

/// Every figure of every key for one corpus.
public struct FaithfulnessSummary: Codable, Equatable, Sendable {
    public var examples: Int
    public var bins: FaithfulnessBins
    /// "probability" (classification: p(predicted class)) or "absolute-value-change" (regression).
    public var outputMeasure: String
    /// Distinct sequences scored by the model over all examples (the full texts included).
    public var sequencesScored: Int
    public var figures: [FaithfulnessFigure: [AttributionKey: FigureSummary]]
    /// Per key, the mean comprehensiveness and sufficiency of each bin (in `bins` order) over the examples.
    public var binMeans: [AttributionKey: BinMeans]
    /// The test used for the paired comparisons.
    public var pairedTest: String
    /// Per figure, every pair of the methods' headline keys (`AttributionKey(method)`, layer nil: the input scores),
    /// compared on the paired examples; Holm/BH over the pairs of the figure. See `MethodPairComparison.compare`.
    public var pairwise: [FaithfulnessFigure: [MethodPairComparison]]

    public init(examples: Int, bins: FaithfulnessBins, outputMeasure: String, sequencesScored: Int,
                figures: [FaithfulnessFigure: [AttributionKey: FigureSummary]], binMeans: [AttributionKey: BinMeans],
                pairedTest: String, pairwise: [FaithfulnessFigure: [MethodPairComparison]] = [:]) {
        self.examples = examples
        self.bins = bins
        self.outputMeasure = outputMeasure
        self.sequencesScored = sequencesScored
        self.figures = figures
        self.binMeans = binMeans
        self.pairedTest = pairedTest
        self.pairwise = pairwise
    }

    /// Aggregates example-level results.
    ///
    /// For every figure and key (keys in sorted order, so one seeded generator per figure gives the same
    /// intervals every time): the mean over the examples where the figure is defined, a percentile bootstrap
    /// 95 % interval of that mean (`resamples` resamples of examples), and a two-sided Wilcoxon signed-rank
    /// test (normal approximation, as scipy's `method='asymptotic'`) of the paired differences against
    /// `baseline` (the random attribution). The p-values of one figure are Holm- and BH-adjusted together,
    /// as the lexicon statistics are per statistic.
    ///
    /// Between methods: for every figure, every pair of the methods' headline keys (layer nil, one per method,
    /// the random baseline included) by `MethodPairComparison.compare`, from its own seeded generator per figure.
    public static func summarise(_ examples: [ExampleEvaluation], bins: FaithfulnessBins, isRegression: Bool,
                                 baseline: AttributionKey = AttributionKey(.random), resamples: Int = 1_000,
                                 seed: UInt64 = 0) -> FaithfulnessSummary {
        let keys = Set(examples.flatMap { $0.faithfulness.keys }).sorted()
        var figures: [FaithfulnessFigure: [AttributionKey: FigureSummary]] = [:]
        for (figureIndex, figure) in FaithfulnessFigure.allCases.enumerated() {
            var generator = SplitMix64(seed: seed ^ (0x9E37_79B9_7F4A_7C15 &* UInt64(figureIndex + 1)))
            var byKey: [AttributionKey: FigureSummary] = [:]
            for key in keys {
                let values = examples.compactMap { figure.value($0, key) }
                guard !values.isEmpty else { continue }
                let mean = values.reduce(0, +) / Double(values.count)
                var interval: ConfidenceInterval?
                if values.count >= 2 {
                    interval = try? bootstrapInterval(sampleSize: values.count, resamples: resamples,
                                                      using: &generator) { indices in
                        indices.reduce(0.0) { $0 + values[$1] } / Double(indices.count)
                    }.interval
                }
                var test: TwoSampleResult?
                if key != baseline {
                    let pairs = examples.compactMap { e -> (Double, Double)? in
                        guard let x = figure.value(e, key), let y = figure.value(e, baseline) else { return nil }
                        return (x, y)
                    }
                    test = try? wilcoxonSignedRank(pairs.map(\.0), pairs.map(\.1))
                }
                byKey[key] = FigureSummary(mean: mean, interval: interval, n: values.count, versusRandom: test)
            }
            adjust(&byKey, family: "\(figure.rawValue).wilcoxon-vs-\(baseline)")
            if !byKey.isEmpty { figures[figure] = byKey }
        }
        var pairwise: [FaithfulnessFigure: [MethodPairComparison]] = [:]
        for figure in FaithfulnessFigure.allCases {
            let comparisons = MethodPairComparison.compare(examples, figure: figure, keys: keys.filter { $0.layer == nil },
                                                           resamples: resamples, seed: seed)
            if !comparisons.isEmpty { pairwise[figure] = comparisons }
        }
        return FaithfulnessSummary(examples: examples.count, bins: bins,
                                   outputMeasure: isRegression ? "absolute-value-change" : "probability",
                                   sequencesScored: examples.reduce(0) { $0 + $1.sequencesScored },
                                   figures: figures, binMeans: binMeans(examples, keys: keys),
                                   pairedTest: "wilcoxon-signed-rank (two-sided, normal approximation)",
                                   pairwise: pairwise)
    }

    static func binMeans(_ examples: [ExampleEvaluation], keys: [AttributionKey]) -> [AttributionKey: BinMeans] {
        var result: [AttributionKey: BinMeans] = [:]
        for key in keys {
            let results = examples.compactMap { $0.faithfulness[key] }
            guard let bins = results.first?.comprehensiveness.count else { continue }
            func mean(_ pick: (FaithfulnessResult) -> [Double]) -> [Double] {
                (0..<bins).map { b in results.reduce(0.0) { $0 + pick($1)[b] } / Double(results.count) }
            }
            result[key] = BinMeans(comprehensiveness: mean(\.comprehensiveness), sufficiency: mean(\.sufficiency))
        }
        return result
    }

    /// Holm and Benjamini–Hochberg over the tests of one figure (keys in sorted order).
    static func adjust(_ byKey: inout [AttributionKey: FigureSummary], family: String) {
        let keys = byKey.keys.sorted()
        let adjusted = adjustedPValues(keys.map { byKey[$0]!.versusRandom?.pValue }, family: family)
        for (key, values) in zip(keys, adjusted) { byKey[key]!.versusRandom?.adjusted = values }
    }

    /// Holm and Benjamini–Hochberg over the non-nil p-values, as one family (nil where there is no test).
    static func adjustedPValues(_ pValues: [Double?], family: String) -> [AdjustedPValues?] {
        let tested = pValues.compactMap { $0 }
        let holm = holmAdjusted(tested), bh = benjaminiHochbergAdjusted(tested)
        var next = 0
        return pValues.map { p in
            guard p != nil else { return nil }
            defer { next += 1 }
            return AdjustedPValues(holm: holm[next], benjaminiHochberg: bh[next], family: family, familySize: tested.count)
        }
    }
}

/// Mean comprehensiveness and sufficiency per bin over the examples of one key.
public struct BinMeans: Codable, Equatable, Sendable {
    public var comprehensiveness: [Double]
    public var sufficiency: [Double]
}
