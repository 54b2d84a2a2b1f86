// TraceCommand: `atlas trace` — every attribution method over one split, as JSON Lines.
import ArgumentParser
import Core
import Foundation

struct TraceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Trace every example of a split with LAT and the baseline methods; write JSON Lines.",
        discussion: """
            One line per example: id, tokens, label, prediction, class probabilities, every method's scores \
            (and per-layer traces where the method has depth) and integrated gradients' completeness error. \
            Texts longer than the model's maximum length are cut and flagged; an empty text is traced as one \
            unknown token.

            Methods (ids for --methods, as in the trace files):
            \(MethodID.helpLines)
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The task the checkpoint was trained for: \(TaskID.allCases.map(\.rawValue).joined(separator: ", ")).")
    var task: TaskID

    @Option(help: "Checkpoint folder written by `atlas train` (default: runs/<task>).")
    var model: String?

    @Option(help: "The split to trace: train, dev or test.")
    var split: String = "test"

    @Option(help: "Trace only the first N examples.")
    var maxExamples: Int?

    @Option(help: "Gauss–Legendre nodes for integrated gradients.")
    var igSteps: Int = 50

    @Option(help: "Comma-separated method ids to trace (default: every method; the ids are listed above).")
    var methods: String?

    @Option(help: "Output file (default: <model>/traces-<split>.jsonl).")
    var out: String?

    func validate() throws {
        guard ["train", "dev", "test"].contains(split) else { throw ValidationError("--split must be train, dev or test.") }
        guard igSteps >= 1 else { throw ValidationError("--ig-steps must be at least 1.") }
        if let maxExamples, maxExamples < 1 { throw ValidationError("--max-examples must be at least 1.") }
        if let methods {
            do { _ = try MethodID.list(methods.split(separator: ",").map(String.init)) } catch let error as MethodListError {
                throw ValidationError("--methods: \(error.description).")
            }
        }
    }

    func run() async throws {
        let folder = URL(fileURLWithPath: model ?? "runs/\(task.rawValue)")
        var corpus = task.isNarrative ? CorpusSettings.emobankNarrative(profile: .full)
            : CorpusSettings(id: task.rawValue, task: task)
        corpus.split = split
        corpus.maxExamples = maxExamples
        corpus.integratedGradientsSteps = igSteps
        corpus.methods = try methods.map { try MethodID.list($0.split(separator: ",").map(String.init)) }
        corpus.training.phrases = false  // sentences are traced, never phrases
        var context = BuildContext(command: SiteConfiguration(profile: .full), store: try CorpusStore(options: global),
                                   threads: global.threads, output: TerminalOutput.standardOutput())
        let progress = ProgressMeter(label: "trace", output: context.output)
        let run = CorpusRun(corpus: corpus, seed: global.seed, isPrimary: true)
        let records = try CorpusModels.make(run).trace(from: folder, context: &context, progress: progress)
        progress.finish()
        let file = URL(fileURLWithPath: out ?? folder.appendingPathComponent("traces-\(split).jsonl").path)
        try Data(try TraceRecord.jsonLines(records).utf8).write(to: file, options: .atomic)
        let unit = task.isNarrative ? "windows" : "examples"
        context.output.write("traced \(records.count) \(unit) in \(ProgressMeter.duration(progress.elapsed)); wrote \(file.path)\n")
    }
}
