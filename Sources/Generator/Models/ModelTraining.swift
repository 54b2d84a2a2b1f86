// ModelTraining: vocabulary + configuration + Trainer for one corpus, with progress on the terminal.
import Core
import Foundation

/// A trained model with everything needed to use it again: its vocabulary and its record.
struct TrainedModel: Sendable {
    var model: SentimentTransformer
    var vocabulary: Vocabulary
    var history: TrainingHistory
    /// Metrics per split ("train", "dev", "test").
    var metrics: [String: EvaluationResult]
}

enum ModelTraining {
    /// The model configuration of a corpus: RESEARCH.md's sizes, overridden by the corpus settings.
    static func configuration(for corpus: CorpusSettings, vocabularySize: Int, classes: Int?,
                              gloveWidth: Int?) -> ModelConfiguration {
        let m = corpus.model
        var c = ModelConfiguration()
        c.vocabularySize = vocabularySize
        c.outputs = classes ?? 1
        c.objective = classes == nil ? .regression : .classification
        if let v = m.layers { c.layers = v }
        if let v = m.heads { c.heads = v }
        if let v = m.modelWidth { c.modelWidth = v }
        if let v = m.keyWidth { c.keyWidth = v; c.valueWidth = v }
        if let v = m.feedForwardWidth { c.feedForwardWidth = v }
        if let v = m.poolingHidden { c.poolingHidden = v }
        if let v = m.classifierHidden { c.classifierHidden = v }
        if let v = m.dropout { c.dropout = Float(v) }
        if let v = m.positional, let kind = PositionalEncodingKind(rawValue: v) { c.positional = kind }
        c.pretrainedEmbeddingWidth = gloveWidth
        return c
    }

    /// The trainer options of a corpus.
    static func options(for corpus: CorpusSettings, seed: UInt64, threads: Int) -> TrainingOptions {
        let t = corpus.training
        var o = TrainingOptions()
        o.learningRate = Float(t.learningRate)
        o.batchSize = t.batchSize
        o.warmupSteps = t.warmupSteps
        o.epochs = Int(t.epochs.rounded(.up))
        o.timeBudget = t.minutes.map { $0 * 60 }
        o.clipNorm = Float(t.clipNorm)
        o.weightDecay = Float(t.weightDecay)
        o.embeddingLearningRateMultiplier = Float(t.embeddingLearningRateMultiplier)
        o.wordDropout = Float(t.wordDropout)
        o.unknownID = Vocabulary.unknownIndex
        o.evaluateEvery = t.evaluateEvery
        o.seed = seed
        o.threads = threads
        return o
    }

    /// Trains the model of `corpus` on `dataset`. `glove` (optional) initialises the embedding rows it covers.
    /// A run stopped by a NaN or infinite loss returns too, with `history.failure` set and the best dev parameters
    /// (or the initial ones) in the model: pass it to `save(_:task:corpus:to:)` or `failureError(_:corpus:savedTo:)`.
    /// `threadsForStep`: see `Trainer.threadsForStep` (models trained side by side share the cores).
    static func train(_ corpus: CorpusSettings, dataset: TaskDataset, seed: UInt64, threads: Int,
                      threadsForStep: (@Sendable () -> Int)? = nil,
                      glove: WordEmbeddings?, output: TerminalOutput) throws -> TrainedModel {
        var trainingItems: [(tokens: [String], target: TrainingTarget)] =
            corpus.training.phrases && !dataset.trainingPhrases.isEmpty
            ? dataset.trainingPhrases
            : dataset.train.map { (tokens: $0.tokens, target: $0.target) }
        if let cap = corpus.training.maxTrainingExamples, trainingItems.count > cap {
            // A deterministic subsample (CI profile): every k-th item keeps the label mix.
            let stride = Double(trainingItems.count) / Double(cap)
            trainingItems = (0..<cap).map { trainingItems[Int(Double($0) * stride)] }
        }
        var tokenLists = dataset.train.map(\.tokens)
        // SST-2 trains on phrases of sentences it does not evaluate on (neutral ones): their words count too.
        let sentenceWords = Set(tokenLists.joined().map { $0.lowercased() })
        tokenLists += trainingItems.map { $0.tokens.filter { !sentenceWords.contains($0.lowercased()) } }
            .filter { !$0.isEmpty }
        let trainingVocabulary = Vocabulary(tokenLists: tokenLists, minimumFrequency: corpus.training.minimumWordCount,
                                            lowercased: true)
        // With `glove_words`, GloVe's most frequent words that no training item has follow the training words;
        // they keep their GloVe vectors (frozen rows), and dev or test words among them are not unknown.
        var vocabulary = trainingVocabulary
        if let glove, let n = corpus.model.gloveWords, n > 0 {
            let trainingWords = sentenceWords.union(tokenLists.joined().map { $0.lowercased() })
            vocabulary = trainingVocabulary.appending(glove.words.prefix(n).filter { !trainingWords.contains($0) })
        }
        let classes = dataset.classNames?.count
        var configuration = configuration(for: corpus, vocabularySize: vocabulary.count, classes: classes,
                                          gloveWidth: glove?.dimension)
        if classes == nil {
            // Regression: the network learns standardised targets (RESEARCH.md's valence is 1–5, sd ≈ 0.35).
            (configuration.targetMean, configuration.targetScale) = standardisation(of: trainingItems.map(\.target))
        }
        var model = try initialModel(configuration, vocabulary: vocabulary, glove: glove, seed: seed)
        let training = trainingItems.map { TrainingExample(ids: vocabulary.encode($0.tokens), target: $0.target) }
        let development = dataset.dev.map { TrainingExample(ids: vocabulary.encode($0.tokens), target: $0.target) }
        var options = options(for: corpus, seed: seed, threads: threads)
        if vocabulary.count > trainingVocabulary.count { options.frozenEmbeddingRowsFrom = trainingVocabulary.count }
        let batchesPerEpoch = (training.count + options.batchSize - 1) / options.batchSize
        options.maxSteps = max(1, Int((corpus.training.epochs * Double(batchesPerEpoch)).rounded()))
        output.write("train \(corpus.id): \(training.count) training items, \(development.count) dev sentences, "
                     + "vocabulary \(vocabulary.count), \(model.parameterCount) parameters, "
                     + "\(corpus.training.epochs) epochs (\(options.maxSteps!) steps)" + (options.timeBudget.map { ", at most \(ProgressMeter.duration($0))" } ?? "") + "\n")
        let printer = TrainingPrinter(output: output)
        var trainer = Trainer(options: options)
        trainer.threadsForStep = threadsForStep
        let history = trainer.train(&model, training: training, development: development, progress: printer.report)
        printer.finish()
        var metrics: [String: EvaluationResult] = [:]
        for split in ["train", "dev", "test"] {
            let examples = dataset.split(split).map { TrainingExample(ids: vocabulary.encode($0.tokens), target: $0.target) }
            metrics[split] = model.evaluate(examples)
        }
        return TrainedModel(model: model, vocabulary: vocabulary, history: history, metrics: metrics)
    }
}

extension ModelTraining {
    /// The model as training starts from it: the seed's initialisation, then GloVe's rows where `glove` is given.
    /// The randomisation control re-initialises from exactly this.
    static func initialModel(_ configuration: ModelConfiguration, vocabulary: Vocabulary, glove: WordEmbeddings?,
                             seed: UInt64) throws -> SentimentTransformer {
        try configuration.validate()
        var model = try SentimentTransformer(configuration: configuration, seed: seed)
        if let glove { model.setEmbeddingRows(gloveRows(glove, vocabulary: vocabulary, seed: seed)) }
        return model
    }

    /// Writes the checkpoint of a run. After a divergence (NaN or ∞ loss) it writes the last good parameters, the
    /// best dev evaluation's, when there was one (nothing otherwise: the folder keeps what it had), and then
    /// throws the error naming the step and the last finite loss, so that the command exits non-zero.
    static func save(_ trained: TrainedModel, task: TaskID, corpus: String, to folder: URL) throws {
        guard trained.history.failure != nil else {
            try ModelCheckpoint.save(trained, task: task, to: folder)
            return
        }
        var saved: URL?
        if trained.history.bestStep != nil {
            try ModelCheckpoint.save(trained, task: task, to: folder)
            saved = folder
        }
        if let error = failureError(trained, corpus: corpus, savedTo: saved) { throw error }
    }

    /// The error of a run stopped by a non-finite loss (nil when training finished).
    static func failureError(_ trained: TrainedModel, corpus: String, savedTo folder: URL?) -> AtlasError? {
        guard let failure = trained.history.failure else { return nil }
        let kept = folder.map { "; the last good checkpoint (\(failure.restored)) is in \($0.path)" }
            ?? "; no checkpoint was written"
        return AtlasError(source: "train \(corpus)",
                          message: "training stopped at step \(failure.step): \(failure.message)"
                              + (failure.lastFiniteLoss.map { "; last finite loss \($0)" } ?? "") + kept,
                          hint: "lower training.learning_rate or training.clip_norm")
    }

    /// Mean and (population) standard deviation of value targets; (0, 1) when they do not vary.
    static func standardisation(of targets: [TrainingTarget]) -> (mean: Float, scale: Float) {
        let values = targets.compactMap { target -> Double? in
            if case .value(let v) = target { return Double(v) } else { return nil }
        }
        guard !values.isEmpty else { return (0, 1) }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
        guard variance > 0 else { return (Float(mean), 1) }
        return (Float(mean), Float(variance.squareRoot()))
    }

    /// Embedding rows for every vocabulary word (ids ≥ 1): its GloVe vector when GloVe has the word, otherwise
    /// a draw from N(0, σ²) with σ the standard deviation of GloVe's values, so that unknown words start at the
    /// scale of known ones (the model's N(0, 1) default is several times larger than GloVe's vectors).
    static func gloveRows(_ glove: WordEmbeddings, vocabulary: Vocabulary, seed: UInt64) -> [Int: [Float]] {
        let d = glove.dimension
        let rows = Dictionary(glove.words.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var sum = 0.0, sumOfSquares = 0.0
        for v in glove.vectors { sum += Double(v); sumOfSquares += Double(v) * Double(v) }
        let n = Double(max(1, glove.vectors.count))
        let sigma = Float(max(0, sumOfSquares / n - (sum / n) * (sum / n)).squareRoot())
        var rng = SplitMix64(seed: seed ^ 0x676C6F7665)  // "glove"
        var vectors: [Int: [Float]] = [:]
        for (index, word) in vocabulary.words.enumerated() where index >= 1 {
            if let row = rows[word] {
                vectors[index] = Array(glove.vectors[row * d..<(row + 1) * d])
            } else {
                vectors[index] = (0..<d).map { _ in sigma * rng.nextNormal() }
            }
        }
        return vectors
    }
}

/// Prints the trainer's reports: a live line on a terminal, plain lines otherwise.
final class TrainingPrinter: @unchecked Sendable {
    let output: TerminalOutput
    init(output: TerminalOutput) { self.output = output }

    func report(_ p: TrainingProgress) {
        switch p.event {
        case .step:
            let percent = p.totalSteps > 0 ? 100 * Double(p.step) / Double(p.totalSteps) : 0
            let line = String(format: "  epoch %d step %d/%d (%.0f%%) loss %.4f lr %.2e %@ tok/s elapsed %@ eta %@",
                              p.epoch, p.step, p.totalSteps, percent, p.loss, p.learningRate,
                              String(format: "%.0f", p.tokensPerSecond), ProgressMeter.duration(p.elapsed),
                              ProgressMeter.duration(p.remaining))
            output.write(output.isInteractive ? "\r\u{1B}[2K" + line : line + "\n")
        case .evaluation:
            guard let d = p.development else { return }
            let score = d.accuracy.map { String(format: "acc %.4f", $0) } ?? String(format: "r %.4f", d.pearson ?? 0)
            let line = String(format: "  dev at step %d: loss %.4f %@%@", p.step, d.loss, score, p.isBest ? " (best)" : "")
            output.write((output.isInteractive ? "\r\u{1B}[2K" : "") + line + "\n")
        }
    }

    func finish() {
        if output.isInteractive { output.write("\r\u{1B}[2K") }
    }
}
