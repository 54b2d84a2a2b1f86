// SeedSummary: what a corpus's seeds say together — the lexicon statistic of every method × layer and every pair of
// methods across seeds (Core's `compareAcrossSeeds`), each seed's test figures, and how alike the methods rank
// each sentence's words (Core's `methodAgreement`, per seed and across seeds), and how often each method ties two
// different words (Core's `scoreTies`).
import Core
import Foundation

/// The across-seeds results of one corpus (cached by the seeds step, shown on the corpus and home pages).
struct SeedSummary: Codable, Equatable, Sendable {
    /// nil with one seed: nothing to compare across.
    var comparison: SeedComparison?
    var metrics: [SeedMetric]
    /// Every pair of methods' per-sentence rank agreement (Kendall's τ-b), with one seed or several.
    var agreement: [AgreementPair]
    /// Faithfulness and plausibility across seeds; nil with one seed or a model not judged for faithfulness.
    var faithfulness: FaithfulnessAcrossSeeds?
    /// By example id, LAT's input score of every word across seeds (examples traced in every seed); empty with one.
    var latSpread: [String: WordSpread] = [:]
    /// By method id, its score ties in each seed (seed order), with one seed or several.
    var ties: [String: [ScoreTies]] = [:]
}

/// Per word of one example: the mean and sample SD over seeds of one method's score.
struct WordSpread: Codable, Equatable, Sendable {
    var mean: [Double]
    var standardDeviation: [Double]

    /// Over the seeds' score vectors of one example (equal lengths; at least two).
    init?(_ scores: [[Float]]) {
        guard scores.count > 1, let n = scores.first?.count, scores.allSatisfy({ $0.count == n }) else { return nil }
        let k = Double(scores.count)
        mean = (0..<n).map { i in scores.reduce(0.0) { $0 + Double($1[i]) } / k }
        standardDeviation = (0..<n).map { [mean] i in
            (scores.reduce(0.0) { $0 + (Double($1[i]) - mean[i]) * (Double($1[i]) - mean[i]) } / (k - 1)).squareRoot()
        }
    }
}

/// One test figure (accuracy, Pearson r, CCC…) of every seed.
struct SeedMetric: Codable, Equatable, Sendable {
    var label: String
    var perSeed: [Double]
    var mean: Double
    /// Sample standard deviation over the seeds (n − 1).
    var standardDeviation: Double
}

extension SeedSummary {
    /// From every seed's validation report and test figures, in seed order. The intensity is taken against the
    /// neutral point of the lexicon of the reports' first target (Warriner: 5).
    static func summarise(reports: [ValidationReport], records: [[TraceRecord]], metrics: [[Metric]],
                          evaluations: [[ExampleEvaluation]]?, seeds: [UInt64], lexicons: [Lexicon], resamples: Int,
                          seed: UInt64, source: String) throws -> SeedSummary {
        let methods = records.first?.first?.attributions.keys.sorted() ?? []
        let agreement = try methodAgreement(records, methods: methods, resamples: resamples, seed: seed)
        let ties = Dictionary(uniqueKeysWithValues: methods.map { method in
            (method.rawValue, records.map { scoreTies($0, method: method) })
        })
        guard seeds.count > 1 else { return SeedSummary(comparison: nil, metrics: [], agreement: agreement, ties: ties) }
        guard let name = reports.first?.entries.first?.targets.first?.target.lexicon,
              let lexicon = lexicons.first(where: { $0.name == name }) else {
            throw AtlasError(source: source, message: "the validation reports name no loaded lexicon",
                             hint: "run `atlas build --force validate`")
        }
        let comparison = try compareAcrossSeeds(reports, seeds: seeds, neutral: lexicon.scale.neutral,
                                                resamples: resamples, seed: seed)
        let labels = metrics.first?.map(\.label) ?? []
        let figures = labels.compactMap { label -> SeedMetric? in
            let values = metrics.compactMap { $0.first { $0.label == label }?.value }
            guard values.count == metrics.count, values.count > 1 else { return nil }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)
            return SeedMetric(label: label, perSeed: values, mean: mean, standardDeviation: variance.squareRoot())
        }
        let faithfulness = try evaluations.map { try faithfulnessAcrossSeeds($0, resamples: resamples, seed: seed) }
        return SeedSummary(comparison: comparison, metrics: figures, agreement: agreement, faithfulness: faithfulness,
                           latSpread: latSpread(records), ties: ties)
    }

    /// LAT's input scores of each example traced in every seed, as mean and SD per word.
    static func latSpread(_ records: [[TraceRecord]]) -> [String: WordSpread] {
        let bySeed = records.map { seed in
            Dictionary(seed.compactMap { r in r.attributions[.lat].map { (r.id, $0.scores) } }, uniquingKeysWith: { a, _ in a })
        }
        var spread: [String: WordSpread] = [:]
        for (id, _) in bySeed.first ?? [:] {
            let scores = bySeed.compactMap { $0[id] }
            if scores.count == bySeed.count, let s = WordSpread(scores) { spread[id] = s }
        }
        return spread
    }
}
