// TrainCommand: `atlas train` — trains one task's model and writes its checkpoint and metrics.
import ArgumentParser
import Core
import Foundation

struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train one task's model and write its checkpoint (safetensors) and metrics.",
        discussion: """
            The model's sizes and the training recipe come from the corpus entry of the configuration whose \
            task matches --task (or the defaults of the chosen profile). The checkpoint folder holds \
            model.safetensors, config.json, vocabulary.json and metrics.json.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The task: \(TaskID.allCases.map(\.rawValue).joined(separator: ", ")).")
    var task: TaskID

    @Option(help: "A YAML configuration (see README); its corpus entry for the task sets sizes and recipe.")
    var config: String?

    @Option(help: "Profile when no configuration is given: full or ci.")
    var profile: Profile = .full

    @Option(help: "Checkpoint folder (default: runs/<task>).")
    var out: String?

    @Option(help: "Override the number of passes over the training items (fractions allowed).")
    var epochs: Double?

    @Option(help: "Override the wall-clock cap in minutes.")
    var minutes: Double?

    @Flag(help: "Initialise embeddings from GloVe 6B 50-d (run `atlas data fetch --glove` first).")
    var glove = false

    @Option(help: "emobank-narrative only: train on SEND-format data in this folder (train/, dev/, test/; see README).")
    var send: String?

    @Option(help: "emobank-narrative with --send: window length in seconds.")
    var windowSeconds: Double = 5

    func validate() throws {
        if send != nil && !task.isNarrative { throw ValidationError("--send needs --task emobank-narrative.") }
        guard windowSeconds > 0 else { throw ValidationError("--window-seconds must be positive.") }
    }

    func run() async throws {
        let siteConfiguration = try config.map(SiteConfiguration.load(path:)) ?? SiteConfiguration(profile: profile)
        var corpus = Self.corpus(for: task, in: siteConfiguration)
            ?? Self.corpus(for: task, in: SiteConfiguration(profile: profile))
            ?? (task.isNarrative ? .emobankNarrative(profile: profile)
                : CorpusSettings(id: task.rawValue, task: task, training: TrainingSettings(phrases: !task.isRegression)))
        if let epochs { corpus.training.epochs = epochs }
        if let minutes { corpus.training.minutes = minutes }
        if glove { corpus.model.glove = true }
        let folder = URL(fileURLWithPath: out ?? "runs/\(task.rawValue)")
        var configuration = siteConfiguration
        configuration.seed = global.seed ^ siteConfiguration.seed
        var model = CorpusModels.make(CorpusRun(corpus: corpus, seed: configuration.seed, isPrimary: true))
        if var narrative = model as? NarrativeCorpusModel, let send {
            narrative.source = .send(URL(fileURLWithPath: send), windowSeconds: windowSeconds)
            model = narrative
        }
        if var trainedHere = model as? TrainedTransformerModel {
            trainedHere.keepsLastGoodCheckpoint = true  // the folder is the user's: a diverged run keeps its best step
            model = trainedHere
        }
        var context = BuildContext(command: configuration, store: try CorpusStore(options: global), threads: global.threads,
                                   output: TerminalOutput.standardOutput())
        try model.train(into: folder, context: &context)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()) ?? []
        context.output.write("wrote \(folder.path)/{\(files.joined(separator: ","))}\n")
    }
}

extension TrainCommand {
    /// The corpus entry of `task`; for SST-2 without one, the SST-5 entry's model and recipe made more regular
    /// (`CorpusSettings.sst2(from:)`: the site has no SST-2 corpus by default, and the same treebank trains the same way).
    static func corpus(for task: TaskID, in configuration: SiteConfiguration) -> CorpusSettings? {
        if let corpus = configuration.corpora.first(where: { $0.task == task }) { return corpus }
        guard task == .sst2, let sst5 = configuration.corpora.first(where: { $0.task == .sst5 }) else { return nil }
        return .sst2(from: sst5)
    }
}

extension TaskID: ExpressibleByArgument {}
extension Profile: ExpressibleByArgument {}

/// One-line text of an evaluation, for the terminal.
enum MetricsText {
    /// `  <corpus> train: …`, then dev and test: the splits a training run was scored on.
    static func write(_ metrics: [String: EvaluationResult], corpus: String, to output: TerminalOutput) {
        for split in ["train", "dev", "test"] {
            guard let m = metrics[split] else { continue }
            output.write("  \(corpus) \(split): \(describe(m))\n")
        }
    }

    static func describe(_ m: EvaluationResult) -> String {
        if let accuracy = m.accuracy {
            return String(format: "accuracy %.4f, macro-F1 %.4f (%d examples)", accuracy, m.macroF1 ?? 0, m.examples)
        }
        return String(format: "Pearson r %.4f, CCC %.4f, RMSE %.4f (%d examples)", m.pearson ?? 0, m.concordance ?? 0,
                      m.rootMeanSquaredError ?? 0, m.examples)
    }
}
