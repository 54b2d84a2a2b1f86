// NarrativeCommand: `atlas train --task emobank-narrative [--send DIR]`: data, training, checkpoint, summary.
import Core
import Foundation

extension CorpusSettings {
    /// The narrative corpus of a profile: a small window encoder (narratives need one pass per window, and the
    /// sentence-level model is trained first), sized so that training and tracing fit the profile's budget.
    static func emobankNarrative(profile: Profile) -> CorpusSettings {
        let model = profile == .ci
            ? ModelSettings(layers: 2, heads: 4, modelWidth: 32, keyWidth: 8, feedForwardWidth: 32, poolingHidden: 16,
                            classifierHidden: 16)
            : ModelSettings(layers: 2, heads: 4, modelWidth: 64, keyWidth: 16, feedForwardWidth: 64, poolingHidden: 32,
                            classifierHidden: 32)
        var training = TrainingSettings(phrases: false, epochs: profile == .ci ? 4 : 6, batchSize: 32,
                                        learningRate: profile == .ci ? 2e-3 : 1e-3, embeddingLearningRateMultiplier: 1,
                                        warmupSteps: 50)
        training.evaluateEvery = 10_000
        var narrative = NarrativeSettings()
        narrative.recurrentWidth = profile == .ci ? 16 : 32
        narrative.epochs = profile == .ci ? 6 : 12
        return CorpusSettings(id: "narratives", task: .emobankNarrative, model: model, training: training,
                              maxExamples: profile == .ci ? 8 : nil, narrative: narrative)
    }
}

enum NarrativeCommand {
    /// Trains the narrative model on EmoBank (from `store`) or on a SEND-format folder, writes the checkpoint
    /// into `folder` and prints the test metrics beside the baselines.
    static func train(_ corpus: CorpusSettings, send: String?, windowSeconds: Double, store: () throws -> CorpusStore,
                      seed: UInt64, threads: Int, output: TerminalOutput, folder: URL) throws {
        let settings = corpus.narrative ?? NarrativeSettings()
        let sequences = try send.map { try NarrativeData.send(URL(fileURLWithPath: $0), windowSeconds: windowSeconds,
                                                              maxWindows: settings.maxWindows) }
            ?? NarrativeData.emobank(try store(), maxWindows: settings.maxWindows)
        setBLASThreads(1)
        let trained = try NarrativeTraining.train(corpus, sequences: sequences, seed: seed, threads: threads, output: output)
        try NarrativeCheckpoint.save(trained, task: corpus.task, to: folder)
        for line in NarrativeTraining.summary(trained.report) { output.write("test, \(line)\n") }
        output.write("wrote \(folder.path)/{\(ModelCheckpoint.weightsFile),\(ModelCheckpoint.configurationFile),"
                     + "\(ModelCheckpoint.vocabularyFile),\(ModelCheckpoint.metricsFile),\(NarrativeCheckpoint.sentenceFolder)/}\n")
    }
}

extension NarrativeCommand {
    /// `atlas trace --task emobank-narrative`: every window of the split's EmoBank narratives (the first
    /// `maxExamples` narratives when set), one JSON line per window, from a checkpoint written by `atlas train`.
    static func trace(folder: URL, split: String, maxExamples: Int?, store: () throws -> CorpusStore,
                      threads: Int, output: TerminalOutput, file: URL) throws {
        let trained = try NarrativeCheckpoint.load(from: folder)
        var corpus = CorpusSettings(id: "narratives", task: .emobankNarrative)
        corpus.split = split
        corpus.maxExamples = maxExamples
        let sequences = NarrativeStage.tracedSequences(
            corpus, from: try NarrativeData.emobank(try store(), maxWindows: trained.model.configuration.maxWindows))
        let progress = ProgressMeter(label: "trace", output: output)
        progress.addToTotal(sequences.count)
        setBLASThreads(1)
        let records = Tracer(model: TraceableNarrativeModel(model: trained.model, vocabulary: trained.vocabulary),
                             options: .attentionOnly(threads: threads)).trace(sequences) { progress.advance(by: $0) }
        progress.finish()
        try Data(try TraceRecord.jsonLines(records).utf8).write(to: file, options: .atomic)
        output.write("traced \(records.count) windows of \(sequences.count) narratives in "
                     + "\(ProgressMeter.duration(progress.elapsed)); wrote \(file.path)\n")
    }
}
