// NarrativeEvaluation: CCC per narrative and overall, Pearson r and RMSE, for any per-window predictions.

/// The metrics of per-window valence predictions over a set of narratives. Unrated windows are skipped.
///
/// - `concordance`, `pearson`, `rootMeanSquaredError`: over all rated windows pooled together (`pearson` is
///   NaN for a constant predictor, such as the training-mean baseline).
/// - `sequenceConcordances`: Lin's CCC of each narrative (NaN when it has fewer than 2 rated windows or
///   both sides are constant); `meanSequenceConcordance` is the mean over the finite ones, counted in
///   `scoredSequences` (the SEND papers' "mean CCC per video").
public struct NarrativeEvaluation: Codable, Sendable, Equatable {
    public var sequences: Int
    public var windows: Int
    public var concordance: Double
    public var pearson: Double
    public var rootMeanSquaredError: Double
    public var sequenceConcordances: [Double]
    public var meanSequenceConcordance: Double
    public var scoredSequences: Int

    enum CodingKeys: String, CodingKey {
        case sequences, windows, concordance = "ccc", pearson, rootMeanSquaredError = "rmse"
        case sequenceConcordances = "sequence_ccc", meanSequenceConcordance = "mean_sequence_ccc"
        case scoredSequences = "scored_sequences"
    }

    /// `predictions[s][t]` against `gold[s][t]` (nil gold: unrated, skipped). Needs at least one rated window.
    public init(predictions: [[Double]], gold: [[Double?]]) {
        precondition(predictions.count == gold.count && zip(predictions, gold).allSatisfy { $0.count == $1.count },
                     "predictions and gold differ in shape")
        var allPredicted: [Double] = [], allGold: [Double] = [], perSequence: [Double] = []
        for (predicted, rated) in zip(predictions, gold) {
            let pairs = zip(predicted, rated).compactMap { p, g in g.map { (p, $0) } }
            allPredicted += pairs.map(\.0)
            allGold += pairs.map(\.1)
            perSequence.append(pairs.count >= 2 ? Metrics.concordance(pairs.map(\.0), pairs.map(\.1)) : .nan)
        }
        precondition(!allGold.isEmpty, "no rated window to evaluate")
        sequences = predictions.count
        windows = allGold.count
        concordance = Metrics.concordance(allPredicted, allGold)
        // A constant predictor has no correlation (0/0); rounding in the moments would otherwise make one up.
        pearson = Set(allPredicted).count > 1 ? Metrics.pearson(allPredicted, allGold) : .nan
        rootMeanSquaredError = Metrics.rootMeanSquaredError(allPredicted, allGold)
        sequenceConcordances = perSequence
        let finite = perSequence.filter(\.isFinite)
        scoredSequences = finite.count
        meanSequenceConcordance = finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
    }
}

/// The two reference predictors the narrative model is compared with.
public enum NarrativeBaselines {
    /// The mean training rating, predicted for every window (its CCC is 0 by construction: a constant has
    /// no covariance; its RMSE is the floor any model must beat).
    public static func trainingMean(training: [NarrativeSequence], for sequences: [NarrativeSequence]) -> [[Double]] {
        let mean = self.mean(training.flatMap { $0.windows.compactMap(\.valence) })
        return sequences.map { [Double](repeating: mean, count: $0.windows.count) }
    }

    /// The mean training rating of the narrative's genre (the overall training mean for an unseen genre).
    public static func genreMean(training: [NarrativeSequence], for sequences: [NarrativeSequence]) -> [[Double]] {
        let byGenre = Dictionary(grouping: training, by: \.genre).mapValues { group in
            mean(group.flatMap { $0.windows.compactMap(\.valence) })
        }
        let overall = mean(training.flatMap { $0.windows.compactMap(\.valence) })
        return sequences.map { [Double](repeating: byGenre[$0.genre] ?? overall, count: $0.windows.count) }
    }

    /// The arithmetic mean (0 for no values).
    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// A sentence-level regression model applied to each window on its own (empty windows get its
    /// prediction for the single unknown token). `vocabulary` must be the one the model was trained with.
    public static func sentenceModel(_ model: inout SentimentTransformer, vocabulary: Vocabulary,
                                     for sequences: [NarrativeSequence]) -> [[Double]] {
        precondition(model.configuration.objective == .regression, "the sentence-level model must be a regression model")
        let examples = sequences.flatMap { sequence in
            sequence.windows.map { window -> TrainingExample in
                let ids = vocabulary.encode(window.tokens)
                return TrainingExample(ids: ids.isEmpty ? [Vocabulary.unknownIndex] : Array(ids.prefix(model.configuration.maxLength)),
                                       target: .value(0))
            }
        }
        var flat = model.predict(examples).map { Double($0[0]) }[...]
        return sequences.map { sequence in
            let values = Array(flat.prefix(sequence.windows.count))
            flat = flat.dropFirst(sequence.windows.count)
            return values
        }
    }
}
