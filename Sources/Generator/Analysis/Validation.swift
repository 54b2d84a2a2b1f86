// Validation: trace records → per method (and per layer) word scores → lexicon statistics.
import Core
import Foundation

enum Validation {
    /// Methods whose every layer is validated (RESEARCH.md: "for LAT at every layer"; raw attention is per layer).
    static let layeredMethods: Set<MethodID> = [.lat, .rawAttention]

    /// One series per method (its input scores) and per layer of the layered methods.
    static func series(from records: [TraceRecord]) -> [AttributionSeries] {
        guard let first = records.first else { return [] }
        /// Every (word, score) of `method` over the records, with `pick` choosing the score vector of an attribution.
        func occurrences(_ method: MethodID, _ pick: (Attribution) -> [Float]?) -> [ScoredOccurrence] {
            records.flatMap { record -> [ScoredOccurrence] in
                guard let scores = record.attributions[method].flatMap(pick) else { return [] }
                return zip(record.tokens, scores).map { ScoredOccurrence(word: $0.lowercased(), score: Double($1)) }
            }
        }
        var result: [AttributionSeries] = []
        for method in first.attributions.keys.sorted() {
            result.append(AttributionSeries(method: method.rawValue, layer: nil, occurrences: occurrences(method) { $0.scores }))
            guard layeredMethods.contains(method), let depth = first.attributions[method]?.layers?.count else { continue }
            for layer in 0..<depth {
                result.append(AttributionSeries(method: method.rawValue, layer: layer,
                                                occurrences: occurrences(method) { $0.layers?[layer] }))
            }
        }
        return result
    }

    static func options(_ settings: ValidationSettings, seed: UInt64) -> ValidationOptions {
        var options = ValidationOptions()
        options.minimumOccurrences = settings.minimumOccurrences
        options.topK = settings.topK
        options.bootstrapResamples = settings.bootstrapResamples
        options.seed = options.seed ^ seed
        return options
    }

    /// Validates every series against Warriner (valence intensity with the quadratic fit, and arousal), VADER and
    /// every other lexicon given (a user's: valence intensity |rating − neutral|, as VADER).
    static func validate(_ records: [TraceRecord], lexicons: [Lexicon], settings: ValidationSettings,
                         seed: UInt64) throws -> ValidationReport {
        try validateAgainstLexicons(series(from: records), lexicons: lexicons, targets: targets(lexicons),
                                    options: options(settings, seed: seed))
    }

    /// Warriner's and VADER's targets, then one valence-intensity target per further lexicon, in the order given.
    static func targets(_ lexicons: [Lexicon]) -> [ValidationTarget] {
        let builtIn = LexiconKind.validated.map(\.rawValue)
        return ValidationTarget.defaults(primary: builtIn[0], secondary: builtIn[1])
            + lexicons.filter { !builtIn.contains($0.name) }.map {
                ValidationTarget(lexicon: $0.name, dimension: .valence, measure: .intensity, includesQuadratic: false)
            }
    }
}
