// NarrativeExperiment: EmoBank narratives end to end: sequences, vocabulary, training, test metrics, baselines.

/// The test-set numbers of one narrative run (pooled and per-narrative CCC, Pearson r, RMSE).
public struct NarrativeReport: Codable, Sendable {
    public var configuration: NarrativeConfiguration
    public var options: NarrativeTrainingOptions
    /// Narratives (after chunking) per split, and rated windows per split (keys train, dev, test).
    public var sequenceCounts: [String: Int]
    public var windowCounts: [String: Int]
    /// The test narratives' ids, in the order of every evaluation's `sequenceConcordances`.
    public var testNarratives: [String]
    public var history: NarrativeTrainingHistory
    public var model: NarrativeEvaluation
    /// Baseline: the training mean for every window.
    public var trainingMean: NarrativeEvaluation
    /// Baseline: the training mean of the narrative's genre.
    public var genreMean: NarrativeEvaluation
    /// Baseline: the sentence-level model window by window (when one was given).
    public var sentenceModel: NarrativeEvaluation?

    enum CodingKeys: String, CodingKey {
        case configuration, options, sequenceCounts = "sequence_counts", windowCounts = "window_counts", history, model
        case testNarratives = "test_narratives"
        case trainingMean = "training_mean", genreMean = "genre_mean", sentenceModel = "sentence_model"
    }
}

public enum NarrativeExperiment {
    /// Trains and evaluates the narrative model on EmoBank (see `EmoBankNarratives` for the split).
    ///
    /// - Parameters:
    ///   - sentences: all of EmoBank (headlines are dropped here).
    ///   - configuration: the model; the encoder's `vocabulary_size` caps the vocabulary built from the
    ///     training narratives (ignored when `sentenceModel` supplies encoder and vocabulary).
    ///   - sentenceModel: a trained sentence-level EmoBank regression model and its vocabulary: evaluated
    ///     window by window as a baseline, and, with `initializeEncoder`, the narrative encoder starts from it.
    /// - Returns: the model (best dev parameters), its vocabulary and the report.
    public static func run(sentences: [EmoBankSentence], configuration: NarrativeConfiguration,
                           options: NarrativeTrainingOptions,
                           sentenceModel: (model: SentimentTransformer, vocabulary: Vocabulary)? = nil,
                           initializeEncoder: Bool = false,
                           progress: (NarrativeProgress) -> Void = { _ in }) throws
        -> (model: NarrativeModel, vocabulary: Vocabulary, report: NarrativeReport) {
        try run(sequences: EmoBankNarratives.sequences(sentences, maxWindows: configuration.maxWindows),
                source: "EmoBank", configuration: configuration, options: options, sentenceModel: sentenceModel,
                initializeEncoder: initializeEncoder, progress: progress)
    }

    /// The same on any narratives (EmoBank documents or SEND-format videos), split by their `split`; every
    /// sequence must have at most `configuration.maxWindows` windows. `source` names the data in errors.
    public static func run(sequences: [NarrativeSequence], source: String, configuration: NarrativeConfiguration,
                           options: NarrativeTrainingOptions,
                           sentenceModel: (model: SentimentTransformer, vocabulary: Vocabulary)? = nil,
                           initializeEncoder: Bool = false,
                           progress: (NarrativeProgress) -> Void = { _ in }) throws
        -> (model: NarrativeModel, vocabulary: Vocabulary, report: NarrativeReport) {
        let bySplit = Dictionary(grouping: sequences, by: \.split)
        let train = bySplit[.train] ?? [], dev = bySplit[.dev] ?? [], test = bySplit[.test] ?? []
        guard !train.isEmpty, !test.isEmpty else {
            throw AtlasError(source: source, message: "the narrative split has \(train.count) training and \(test.count) test narratives",
                             hint: "the narrative task needs training and test narratives (EmoBank: documents with character offsets)")
        }
        if let long = sequences.first(where: { $0.windows.count > configuration.maxWindows }) {
            throw AtlasError(source: source, message: "narrative \(long.id) has \(long.windows.count) windows, more than max_windows \(configuration.maxWindows)",
                             hint: "cut longer narratives into chunks (NarrativeSequence.chunked) or raise max_windows")
        }
        var configuration = configuration
        let vocabulary: Vocabulary
        if let sentenceModel, initializeEncoder {
            configuration.encoder = sentenceModel.model.configuration
            vocabulary = sentenceModel.vocabulary
        } else {
            vocabulary = Vocabulary(tokenLists: train.flatMap { $0.windows.map(\.tokens) },
                                    maximumSize: configuration.encoder.vocabularySize)
            configuration.encoder.vocabularySize = vocabulary.count
        }
        var model = try NarrativeModel(configuration: configuration, seed: options.seed)
        if let sentenceModel, initializeEncoder { model.encoder = sentenceModel.model }
        let ratings = train.flatMap { $0.windows.compactMap(\.valence) }
        let mean = NarrativeBaselines.mean(ratings)
        model.valenceShift = Float(mean)
        model.valenceScale = Float(max(1e-3, NarrativeBaselines.mean(ratings.map { ($0 - mean) * ($0 - mean) }).squareRoot()))
        func examples(_ s: [NarrativeSequence]) -> [NarrativeExample] { s.map { NarrativeExample($0, vocabulary: vocabulary) } }
        let history = NarrativeTrainer.train(&model, training: examples(train), development: examples(dev),
                                             options: options, progress: progress)
        let gold = test.map { $0.windows.map(\.valence) }
        func evaluate(_ predictions: [[Double]]) -> NarrativeEvaluation { NarrativeEvaluation(predictions: predictions, gold: gold) }
        var sentenceEvaluation: NarrativeEvaluation?
        if var baseline = sentenceModel {
            sentenceEvaluation = evaluate(NarrativeBaselines.sentenceModel(&baseline.model, vocabulary: baseline.vocabulary, for: test))
        }
        let report = NarrativeReport(
            configuration: configuration, options: options,
            sequenceCounts: ["train": train.count, "dev": dev.count, "test": test.count],
            windowCounts: ["train": ratings.count, "dev": dev.flatMap(\.windows).compactMap(\.valence).count,
                           "test": gold.joined().compactMap { $0 }.count],
            testNarratives: test.map(\.id),
            history: history, model: evaluate(model.predict(examples(test), batchSize: options.batchSize)),
            trainingMean: evaluate(NarrativeBaselines.trainingMean(training: train, for: test)),
            genreMean: evaluate(NarrativeBaselines.genreMean(training: train, for: test)),
            sentenceModel: sentenceEvaluation)
        return (model, vocabulary, report)
    }
}
