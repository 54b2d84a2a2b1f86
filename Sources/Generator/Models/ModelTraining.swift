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
        o.evaluateEvery = t.evaluateEvery
        o.seed = seed
        o.threads = threads
        return o
    }

    /// Trains the model of `corpus` on `dataset`. `glove` (optional) initialises the embedding rows it covers.
    static func train(_ corpus: CorpusSettings, dataset: TaskDataset, seed: UInt64, threads: Int,
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
        let vocabulary = Vocabulary(tokenLists: dataset.train.map(\.tokens),
                                    minimumFrequency: corpus.training.minimumWordCount, lowercased: true)
        let classes = dataset.classNames?.count
        let configuration = configuration(for: corpus, vocabularySize: vocabulary.count, classes: classes,
                                          gloveWidth: glove?.dimension)
        try configuration.validate()
        var model = try SentimentTransformer(configuration: configuration, seed: seed)
        if let glove {
            let rows = Dictionary(glove.words.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            var vectors: [Int: [Float]] = [:]
            for (index, word) in vocabulary.words.enumerated() where index >= 2 {
                if let row = rows[word] {
                    vectors[index] = Array(glove.vectors[row * glove.dimension..<(row + 1) * glove.dimension])
                }
            }
            model.setEmbeddingRows(vectors)
        }
        let training = trainingItems.map { TrainingExample(ids: vocabulary.encode($0.tokens), target: $0.target) }
        let development = dataset.dev.map { TrainingExample(ids: vocabulary.encode($0.tokens), target: $0.target) }
        var options = options(for: corpus, seed: seed, threads: threads)
        let batchesPerEpoch = (training.count + options.batchSize - 1) / options.batchSize
        options.maxSteps = max(1, Int((corpus.training.epochs * Double(batchesPerEpoch)).rounded()))
        output.write("train \(corpus.id): \(training.count) training items, \(development.count) dev sentences, "
                     + "vocabulary \(vocabulary.count), \(model.parameterCount) parameters, "
                     + "\(corpus.training.epochs) epochs (\(options.maxSteps!) steps)" + (options.timeBudget.map { ", at most \(ProgressMeter.duration($0))" } ?? "") + "\n")
        let printer = TrainingPrinter(output: output)
        let history = Trainer(options: options).train(&model, training: training, development: development,
                                                     progress: printer.report)
        printer.finish()
        if let failure = history.failure {
            throw AtlasError(source: "train \(corpus.id)",
                             message: "training stopped at step \(failure.step): \(failure.message)"
                                 + (failure.lastFiniteLoss.map { "; last finite loss \($0)" } ?? ""),
                             hint: "lower training.learning_rate or training.clip_norm; the model kept: \(failure.restored)")
        }
        var metrics: [String: EvaluationResult] = [:]
        for split in ["train", "dev", "test"] {
            let examples = dataset.split(split).map { TrainingExample(ids: vocabulary.encode($0.tokens), target: $0.target) }
            metrics[split] = model.evaluate(examples)
        }
        return TrainedModel(model: model, vocabulary: vocabulary, history: history, metrics: metrics)
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
