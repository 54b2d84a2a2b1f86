// ValidateCommand: `atlas validate` — lexicon statistics of a trace file, as JSON.
import ArgumentParser
import Core
import Foundation

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Test traced words against the emotion lexicons; write the statistics as JSON.",
        discussion: """
            For every method (and LAT and raw attention at every layer): per-word mean scores, the lexicon join \
            (exact, then lemma), Spearman with |V − 5| (Warriner) and VADER intensity, Warriner arousal, the \
            quadratic regression on valence, top-k against the rest (Welch, Mann–Whitney, Cohen's d), random and \
            word-frequency baselines, Holm and Benjamini–Hochberg adjustment across methods × layers.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "A JSON Lines trace file written by `atlas trace`.")
    var traces: String

    @Option(help: "Bootstrap resamples for every interval.")
    var bootstrap: Int = 1000

    @Option(help: "Minimum occurrences of a word type.")
    var minOccurrences: Int = 2

    @Option(help: "Output file (default: the trace file with .statistics.json).")
    var out: String?

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: traces) else {
            throw AtlasError(source: traces, message: "trace file not found", hint: "write one with `atlas trace`")
        }
        let records = try TraceRecord.records(fromJSONLines: String(decoding: data, as: UTF8.self), source: traces)
        let store = try CorpusStore(options: global)
        let lexicons = try [LexiconKind.warriner, .vader].map(store.loadLexicon)
        var settings = ValidationSettings()
        settings.bootstrapResamples = bootstrap
        settings.minimumOccurrences = minOccurrences
        let report = try Validation.validate(records, lexicons: lexicons, settings: settings, seed: global.seed)
        let file = URL(fileURLWithPath: out ?? (traces.hasSuffix(".jsonl") ? String(traces.dropLast(6)) : traces)
                           + ".statistics.json")
        try ModelCheckpoint.encoder().encode(report).write(to: file, options: .atomic)
        print("method                 layer  words  Spearman ρ (|V−5|)  95% CI            p (Holm)")
        for entry in report.entries {
            guard let rho = entry.targets.first?.spearman else { continue }
            let interval = rho.interval.map { String(format: "[%.3f, %.3f]", $0.lower, $0.upper) } ?? ""
            func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
            print(pad(entry.method, 23) + pad(entry.layer.map(String.init) ?? "-", 7) + pad(String(rho.n), 7)
                  + pad(String(format: "%.3f", rho.estimate), 20) + pad(interval, 18)
                  + String(format: "%.3g", rho.adjusted?.holm ?? rho.pValue))
        }
        print("wrote \(file.path)")
    }
}
