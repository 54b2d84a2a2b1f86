// LexiconValidation: per method × layer, aggregate scores per word, join to lexicons, and run every statistic.

extension ValidationTarget {
    /// The default targets: `primary` (Warriner) valence as intensity with the quadratic regression, its arousal
    /// as the rating, and `secondary` (VADER or labMT) valence as intensity with the quadratic, for robustness.
    public static func defaults(primary: String = "warriner", secondary: String? = "vader") -> [ValidationTarget] {
        var targets = [
            ValidationTarget(lexicon: primary, dimension: .valence, measure: .intensity, includesQuadratic: true),
            ValidationTarget(lexicon: primary, dimension: .arousal, measure: .rating, includesQuadratic: false),
        ]
        if let secondary {
            targets.append(ValidationTarget(lexicon: secondary, dimension: .valence, measure: .intensity,
                                            includesQuadratic: true))
        }
        return targets
    }
}

/// Validates every series against every target, adds the baselines, and adjusts the p-values across all entries.
///
/// For each series: `aggregateWordScores` (minimum occurrences), then per target `joinToLexicon`, then
/// - Spearman of the word's mean score with the measure (bootstrap interval over words, plus Fisher z);
/// - for valence targets, `quadraticRegression` of mean score on the raw rating (OLS and R's `poly(x, 2)`);
/// - for each k, the k words with the highest mean score (ties by word) against the rest on the measure:
///   Welch's t, Mann–Whitney U, Cohen's d with a bootstrap interval.
/// Each (series, target) draws from its own stream `SplitMix64(seed).split(FNV-1a("method|layer|target"))`, so
/// adding a method does not change another's intervals. A statistic that is undefined for the data is nil, with
/// its reason under `undefined`; nothing non-finite is ever stored.
///
/// - Throws: `AtlasError` when a target names a lexicon that is not given or a dimension it does not rate;
///   `StatisticsError.invalidArgument` for invalid options.
public func validateAgainstLexicons(_ series: [AttributionSeries], lexicons: [Lexicon], targets: [ValidationTarget],
                                    options: ValidationOptions = ValidationOptions(),
                                    lemmatizer: Lemmatizer = Lemmatizer()) throws -> ValidationReport {
    try validate(options)
    let lexiconsByName = Dictionary(lexicons.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    for target in targets {
        guard let lexicon = lexiconsByName[target.lexicon] else {
            throw AtlasError(source: "validation targets", message: "no lexicon named '\(target.lexicon)'",
                             hint: "load it, or remove the target; loaded: \(lexiconsByName.keys.sorted())")
        }
        guard lexicon.dimensions.contains(target.dimension) else {
            throw AtlasError(source: "validation targets",
                             message: "lexicon '\(target.lexicon)' does not rate \(target.dimension.rawValue)",
                             hint: "it rates \(lexicon.dimensions.map(\.rawValue))")
        }
    }
    var allSeries = series.map { ($0, false) }
    if options.includesBaselines, let first = series.first {
        var generator = SplitMix64(seed: options.seed).split(stableHash("random-baseline"))
        allSeries.append((makeRandomBaseline(from: first.occurrences, kind: options.randomBaseline,
                                             using: &generator), true))
        allSeries.append((makeFrequencyBaseline(from: first.occurrences), true))
    }
    let entries = allSeries.map { series, isBaseline in
        validateSeries(series, isBaseline: isBaseline, lexicons: lexiconsByName, targets: targets, options: options,
                       lemmatizer: lemmatizer)
    }
    var report = ValidationReport(options: options, entries: entries, correction: "")
    adjustPValues(&report)
    return report
}

private func validate(_ options: ValidationOptions) throws {
    if options.minimumOccurrences < 1 {
        throw StatisticsError.invalidArgument(name: "minimumOccurrences", rule: "at least 1")
    }
    if options.topK.contains(where: { $0 < 1 }) { throw StatisticsError.invalidArgument(name: "topK", rule: "positive") }
    if options.bootstrapResamples < 0 {
        throw StatisticsError.invalidArgument(name: "bootstrapResamples", rule: "0 (no intervals) or more")
    }
    if options.topWordCount < 0 { throw StatisticsError.invalidArgument(name: "topWordCount", rule: "0 or more") }
    try Check.level(options.level)
}

private func validateSeries(_ series: AttributionSeries, isBaseline: Bool, lexicons: [String: Lexicon],
                            targets: [ValidationTarget], options: ValidationOptions,
                            lemmatizer: Lemmatizer) -> MethodLayerValidation {
    let aggregation = aggregateWordScores(series.occurrences, minimumOccurrences: options.minimumOccurrences)
    var statistics: [TargetStatistics] = []
    var ratingsByWord: [String: [String: Double]] = [:]
    var scatter: [ScatterPoint]?
    for target in targets {
        let lexicon = lexicons[target.lexicon]!
        let (joined, summary) = joinToLexicon(aggregation.words, lexicon: lexicon, dimension: target.dimension,
                                              lemmatizer: lemmatizer)
        for word in joined { ratingsByWord[word.word.word, default: [:]][target.key] = word.rating }
        if scatter == nil, target.dimension == .valence {
            scatter = joined.map { ScatterPoint(word: $0.word.word, valence: $0.rating, meanScore: $0.word.meanScore,
                                                n: $0.word.occurrences) }
        }
        var generator = SplitMix64(seed: options.seed)
            .split(stableHash("\(series.method)|\(series.layer.map(String.init) ?? "-")|\(target.key)"))
        statistics.append(targetStatistics(joined, summary: summary, target: target, neutral: lexicon.scale.neutral,
                                           options: options, using: &generator))
    }
    let topWords = aggregation.words
        .sorted { ($0.meanScore, $1.word) > ($1.meanScore, $0.word) }
        .prefix(options.topWordCount)
        .map { TopWord(word: $0.word, meanScore: $0.meanScore, occurrences: $0.occurrences,
                       ratings: ratingsByWord[$0.word] ?? [:]) }
    let summary = AggregationSummary(wordTypes: aggregation.words.count,
                                     typesBeforeFilter: aggregation.typesBeforeFilter,
                                     occurrences: series.occurrences.count,
                                     nonFiniteScoresDropped: aggregation.nonFiniteScoresDropped,
                                     minimumOccurrences: options.minimumOccurrences)
    return MethodLayerValidation(method: series.method, layer: series.layer, isBaseline: isBaseline,
                                 aggregation: summary, targets: statistics, topWords: Array(topWords),
                                 scatter: scatter ?? [])
}

private func targetStatistics(_ joined: [JoinedWord], summary: LexiconJoinSummary, target: ValidationTarget,
                              neutral: Double, options: ValidationOptions,
                              using generator: inout SplitMix64) -> TargetStatistics {
    let scores = joined.map(\.word.meanScore)
    let measures = joined.map { target.measure == .intensity ? abs($0.rating - neutral) : $0.rating }
    var undefined: [String: String] = [:]
    let spearman = attempt("spearman", &undefined) {
        try spearmanCorrelation(scores, measures, level: options.level, bootstrapResamples: options.bootstrapResamples,
                                bootstrapMethod: options.bootstrapMethod, using: &generator)
    }
    var quadratic: QuadraticRegressionResult?
    if target.includesQuadratic {
        quadratic = attempt("quadratic", &undefined) { try quadraticRegression(x: joined.map(\.rating), y: scores) }
    }
    // Highest mean score first; ties broken by word so the split is deterministic.
    let ranked = joined.indices.sorted {
        (scores[$0], joined[$1].word.word) > (scores[$1], joined[$0].word.word)
    }.map { measures[$0] }
    let scoresVary = isNotConstant(scores)
    let topK = options.topK.map { k in
        topKComparison(ranked, k: k, scoresVary: scoresVary, options: options, using: &generator)
    }
    return TargetStatistics(target: target, join: summary, wordCount: joined.count, spearman: spearman,
                            quadratic: quadratic, topK: topK, undefined: undefined)
}

/// The k first of `ranked` (measures ordered by descending score) against the rest. Ties in score at the
/// boundary are broken by word (deterministic, arbitrary); when every score is equal the split is meaningless
/// and the comparison is undefined.
private func topKComparison(_ ranked: [Double], k: Int, scoresVary: Bool, options: ValidationOptions,
                            using generator: inout SplitMix64) -> TopKComparison {
    let top = Array(ranked.prefix(k)), rest = Array(ranked.dropFirst(k))
    var undefined: [String: String] = [:]
    if k >= ranked.count || !scoresVary {
        let reason = scoresVary ? "k = \(k) leaves no rest among \(ranked.count) words"
            : "every word has the same score, so the top \(k) are arbitrary"
        return TopKComparison(k: k, nTop: top.count, nRest: rest.count, meanTop: top.isEmpty ? nil : mean(top), meanRest: rest.isEmpty ? nil : mean(rest),
                              welch: nil, mannWhitney: nil, cohenD: nil,
                              undefined: ["welch": reason, "mann-whitney": reason, "cohen-d": reason])
    }
    let welch = attempt("welch", &undefined) { try welchTTest(top, rest, level: options.level) }
    let mannWhitney = attempt("mann-whitney", &undefined) { try mannWhitneyUTest(top, rest) }
    let d = attempt("cohen-d", &undefined) {
        try cohenD(top, rest, level: options.level, bootstrapResamples: options.bootstrapResamples,
                   bootstrapMethod: options.bootstrapMethod, using: &generator)
    }
    return TopKComparison(k: k, nTop: top.count, nRest: rest.count, meanTop: mean(top), meanRest: mean(rest),
                          welch: welch, mannWhitney: mannWhitney, cohenD: d, undefined: undefined)
}

/// Runs `body`; on a thrown error records its description under `name` and returns nil.
private func attempt<T>(_ name: String, _ undefined: inout [String: String], _ body: () throws -> T) -> T? {
    do {
        return try body()
    } catch {
        undefined[name] = String(describing: error)
        return nil
    }
}

/// FNV-1a (64-bit) of the UTF-8 bytes: a hash that, unlike `Hasher`, is the same in every run.
func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
    }
    return hash
}
