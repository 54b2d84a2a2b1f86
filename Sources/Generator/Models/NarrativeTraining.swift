// NarrativeTraining: the sentence-level model on the narratives' windows, then the narrative model, with progress.
import Core
import Foundation

/// A trained narrative model with what is needed to use it again, its report and the sentence-level baseline.
struct TrainedNarrative: Sendable {
    var model: NarrativeModel
    var vocabulary: Vocabulary
    var report: NarrativeReport
    /// The sentence-level model trained on the training narratives' windows (a baseline, and the encoder's start).
    var sentence: TrainedModel
}

enum NarrativeTraining {
    /// Trains the corpus's narrative model on `sequences` (split by their `split`; at most `max_windows` each).
    static func train(_ corpus: CorpusSettings, sequences: [NarrativeSequence], seed: UInt64, threads: Int,
                      output: TerminalOutput) throws -> TrainedNarrative {
        let settings = corpus.narrative ?? NarrativeSettings()
        var sequences = sequences
        if let cap = settings.maxTrainingNarratives {
            var kept = 0
            sequences = sequences.filter { $0.split != .train || { kept += 1; return kept <= cap }() }
        }
        var sentenceCorpus = corpus
        sentenceCorpus.training.phrases = false
        output.write("  sentence-level model on the training narratives' windows (baseline and encoder start)\n")
        let sentence = try ModelTraining.train(sentenceCorpus, dataset: NarrativeData.windowDataset(sequences), seed: seed,
                                               threads: threads, glove: nil, output: output)
        let configuration = NarrativeConfiguration(encoder: sentence.model.configuration,
                                                   recurrentWidth: settings.recurrentWidth, maxWindows: settings.maxWindows)
        let options = settings.options(seed: seed, threads: threads)
        let counts = Dictionary(grouping: sequences, by: \.split).mapValues(\.count)
        output.write("  narrative model: \(counts[.train] ?? 0) / \(counts[.dev] ?? 0) / \(counts[.test] ?? 0) narratives, "
                     + "LSTM width \(settings.recurrentWidth), \(settings.epochs) epochs of batches of \(settings.batchSize)\n")
        let batches = ((counts[.train] ?? 0) + settings.batchSize - 1) / max(1, settings.batchSize)
        let printer = NarrativeProgressPrinter(output: output, epochs: settings.epochs, totalSteps: batches * settings.epochs)
        let result = try NarrativeExperiment.run(
            sequences: sequences, source: "train \(corpus.id)", configuration: configuration, options: options,
            sentenceModel: (sentence.model, sentence.vocabulary), initializeEncoder: settings.initializeEncoder,
            progress: printer.report)
        if let failure = result.report.history.failure {
            throw AtlasError(source: "train \(corpus.id)", message: "narrative training stopped: \(failure)",
                             hint: "lower narrative.learning_rate")
        }
        return TrainedNarrative(model: result.model, vocabulary: result.vocabulary, report: result.report, sentence: sentence)
    }

    /// One line per summary: the model and both baselines on the test narratives.
    static func summary(_ report: NarrativeReport) -> [String] {
        func line(_ name: String, _ e: NarrativeEvaluation) -> String {
            // A constant predictor has no Pearson r (zero variance): say so rather than print "nan".
            let pearson = e.pearson.isFinite ? String(format: "%.4f", e.pearson) : "undefined (constant prediction)"
            return String(format: "%@: CCC %.4f (mean per narrative %.4f), Pearson r %@, RMSE %.4f", name, e.concordance,
                          e.meanSequenceConcordance, pearson, e.rootMeanSquaredError)
        }
        return [line("narrative model", report.model), line("baseline, genre mean of training ratings", report.genreMean),
                line("baseline, training mean", report.trainingMean)]
            + (report.sentenceModel.map { [line("baseline, sentence model window by window", $0)] } ?? [])
    }
}

/// Prints the narrative trainer's reports: a live line per step on a terminal, and one line per epoch (mean
/// loss, dev CCC, elapsed, ETA from the step budget).
final class NarrativeProgressPrinter: @unchecked Sendable {
    let output: TerminalOutput
    let epochs: Int
    let totalSteps: Int
    init(output: TerminalOutput, epochs: Int, totalSteps: Int) {
        self.output = output
        self.epochs = epochs
        self.totalSteps = max(1, totalSteps)
    }

    func report(_ p: NarrativeProgress) {
        guard p.development != nil || output.isInteractive else { return }
        let remaining = p.elapsed / Double(max(1, p.step)) * Double(max(0, totalSteps - p.step))
        let dev = p.development.map { String(format: " dev CCC %.4f", $0.concordance) } ?? ""
        let line = String(format: "  epoch %d/%d step %d/%d loss %.4f%@ elapsed %@ eta %@", p.epoch, epochs, p.step,
                          totalSteps, p.loss, dev, ProgressMeter.duration(p.elapsed), ProgressMeter.duration(remaining))
        output.write(output.isInteractive ? "\r\u{1B}[2K" + line + (p.development != nil ? "\n" : "") : line + "\n")
    }
}
