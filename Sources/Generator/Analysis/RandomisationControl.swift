// RandomisationControl: the model-randomisation sanity check (Adebayo et al. 2018) of a corpus's first seed — the
// same test sentences traced through the trained model with its blocks re-initialised from the output down.
import Core
import Foundation

/// Every method's lexicon agreement on each model of the cascade, and how far its scores moved from the trained
/// model's. `steps[0]` is the trained model itself, on the same sentences.
struct RandomisationControl: Codable, Equatable, Sendable {
    var examples: Int
    /// "trained", "head", "+ layer 6", …, "+ embeddings (untrained)".
    var steps: [String]
    var methods: [MethodRow]

    struct MethodRow: Codable, Equatable, Sendable {
        var method: String
        /// Per step: Spearman ρ with |V − 5| (Warriner) of the method's input-level scores, with its interval.
        var rho: [CorrelationResult?]
        /// Per step: the mean over sentences of Kendall τ-b with the trained model's scores (1 at step 0).
        var tau: [Double?]
        /// The fully re-initialised model's ρ interval lies above 0: the agreement does not need training.
        var survivesRandomisation: Bool
    }
}

extension RandomisationControl {
    /// Traces the first `examples` inputs through every step of `trained.randomisationCascade` and validates each.
    /// `initial` is the model as training started (the seed's initialisation, GloVe rows included).
    static func run(trained: SentimentTransformer, initial: SentimentTransformer, inputs: [TracingInput],
                    trainedRecords: [TraceRecord], options: TracingOptions, lexicons: [Lexicon],
                    settings: ValidationSettings, seed: UInt64, progress: ProgressMeter) throws -> RandomisationControl {
        let byID = Dictionary(trainedRecords.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let baseline = inputs.compactMap { byID[$0.id] }
        var reports = [try Validation.validate(baseline, lexicons: lexicons, settings: settings, seed: seed)]
        var traces = [baseline]
        let cascade = trained.randomisationCascade
        progress.addToTotal(cascade.count * inputs.count)
        for step in cascade {
            let model = try trained.reinitialising(step.prefixes, from: initial)
            let records = Tracer(model: model, options: options).trace(inputs) { progress.advance(by: $0) }
            traces.append(records)
            reports.append(try Validation.validate(records, lexicons: lexicons, settings: settings, seed: seed))
        }
        let methods = reports[0].entries.filter { $0.layer == nil && !$0.isBaseline }.map(\.method)
        let rows = methods.map { method -> MethodRow in
            let rho = reports.map { report in
                report.entries.first { $0.method == method && $0.layer == nil }?.targets.first?.spearman
            }
            let tau = traces.map { records in meanTau(baseline, records, method: MethodID(rawValue: method)) }
            return MethodRow(method: method, rho: rho, tau: tau,
                             survivesRandomisation: (rho.last??.interval?.lower ?? 0) > 0)
        }
        return RandomisationControl(examples: baseline.count, steps: ["trained"] + cascade.map(\.label), methods: rows)
    }

    /// The mean over sentences of τ-b between two traces' scores of `method` (sentences where it is defined).
    static func meanTau(_ a: [TraceRecord], _ b: [TraceRecord], method: MethodID?) -> Double? {
        guard let method else { return nil }
        let taus = zip(a, b).compactMap { x, y -> Double? in
            guard let s = x.attributions[method]?.scores, let t = y.attributions[method]?.scores, s.count == t.count else { return nil }
            return try? kendallTauB(s.map(Double.init), t.map(Double.init))
        }
        return taus.isEmpty ? nil : taus.reduce(0, +) / Double(taus.count)
    }
}
