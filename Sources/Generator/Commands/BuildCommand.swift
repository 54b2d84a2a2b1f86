// BuildCommand: `atlas build` — data → train → trace → faithfulness → validate → render → check, into site/.
import ArgumentParser
import Core
import Foundation

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Train (or load cached) models, trace, judge faithfulness, validate and publish the static site.",
        discussion: """
            Runs the named steps \(steps.map(\.name).joined(separator: ", ")). Each step is skipped when \
            its inputs are unchanged (models, traces and statistics are cached under <cache-dir>/build, \
            keyed by the configuration, the data's hashes and the code's stage versions). The site is \
            written to a temporary folder, checked (libxml2, links) and only then swapped into --out, so a \
            failed build leaves the previous site untouched.

            Sharded (a cluster): `--shard i/N` does only shard i's share (0-based, of N) of the train, trace and \
            faithfulness work and writes it to the cache: run k of the build trains in shard k mod N, and each \
            run's traced batches and judged examples are dealt round-robin. Run `--shard k/M --until train` for \
            every k first (M = the number of runs: one seed a task), then `--shard i/N` for every i, then \
            `--merge`, which puts the shards together (every trace file byte-identical to an unsharded build's) \
            and publishes. Each shard file is written atomically, so a failed shard is re-run alone. `atlas \
            slurm` writes these jobs for Slurm.
            """)

    @OptionGroup var global: GlobalOptions

    @OptionGroup var site: SiteOptions

    @Option(help: "The site folder.")
    var out: String = "site"

    @Option(help: "The templates folder.")
    var templates: String = TemplateLibrary.defaultDirectory

    @Option(help: ArgumentHelp("Do only shard i of N (0-based) of the train, trace and faithfulness work, into the cache.",
                               discussion: "The site is not written; `atlas build --merge` puts the shards together.",
                               valueName: "i/N"))
    var shard: String?

    @Flag(help: "Put the shards in the cache together and publish; train, trace and judge nothing (a missing shard is an error).")
    var merge = false

    @Option(help: ArgumentHelp("Stop after this step (\(BuildCommand.steps.map(\.name).joined(separator: ", "))).",
                               discussion: "With --shard: train (the training shards' phase)."))
    var until: String?

    @Option(help: "Redo a step even when unchanged (\(BuildCommand.steps.map(\.name).joined(separator: ", ")), or all). Repeatable.")
    var force: [String] = []

    /// The build, in order: the one list the runner, `--force` and this help read.
    static let steps: [any Step<BuildContext>] = [DataStep(), TrainStep(), TraceStep(), FaithfulnessStep(), ValidateStep(),
                                                  ControlsStep(), SeedsStep(), RenderStep(), CheckStep()]
    static let stepNames = steps.map(\.name) + ["all"]

    /// A shard's build: the data checked, the shard's runs trained, its share of tracing and judging.
    static let shardSteps: [any Step<BuildContext>] = [DataStep(), TrainStep(), ShardStep()]

    /// The steps this invocation runs: the whole build, or a shard's, up to `--until`.
    static func steps(sharded: Bool, until: String?) -> [any Step<BuildContext>] {
        let all = sharded ? shardSteps : steps
        guard let until, let last = all.firstIndex(where: { $0.name == until }) else { return all }
        return Array(all[...last])
    }

    func validate() throws {
        for name in force where !Self.stepNames.contains(name) {
            throw ValidationError("--force \(name): not a step; use one of \(Self.stepNames.joined(separator: ", ")).")
        }
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard \(shard): write i/N with 0 ≤ i < N, e.g. --shard 0/4 (as $SLURM_ARRAY_TASK_ID counts).")
        }
        if shard != nil && merge { throw ValidationError("--shard and --merge: a shard's build does its share; the merge runs after every shard.") }
        if let until {
            let names = (shard == nil ? Self.steps : Self.shardSteps).map(\.name)
            guard names.contains(until) else {
                throw ValidationError("--until \(until): not a step\(shard == nil ? "" : " of a shard's build"); use one of \(names.joined(separator: ", ")).")
            }
        }
    }

    func run() async throws {
        let configuration = try site.load()
        let output = TerminalOutput.standardOutput()
        let cache = URL(fileURLWithPath: global.cacheDir).appendingPathComponent("build")
        let templatesURL = URL(fileURLWithPath: templates)
        var context = BuildContext(configuration: configuration,
                                   configurationSource: site.source,
                                   store: try CorpusStore(options: global), cacheFolder: cache,
                                   outputFolder: URL(fileURLWithPath: out), templatesFolder: templatesURL,
                                   threads: global.threads, forced: Set(force), output: output)
        context.renderer = try await SiteRenderer(templatesDirectory: templatesURL)
        try context.digestInputFiles()
        context.shard = shard.flatMap(Shard.init)
        context.mergesShards = merge
        let start = Date()
        let steps = Self.steps(sharded: context.shard != nil, until: until)
        try PipelineRunner(cacheFolder: cache, forced: Set(force), output: output).run(steps, context: &context)
        let time = ProgressMeter.duration(Date().timeIntervalSince(start))
        if let shard = context.shard {
            output.write("shard \(shard) done in \(time)" + (until == "train" ? " (training)" : "")
                         + "; when every shard is, `atlas build --merge` publishes the site\n")
        } else if steps.last?.name != Self.steps.last?.name {
            output.write("stopped after \(steps.last!.name) in \(time); the site was not written\n")
        } else {
            output.write("built \(out)/index.html in \(time)\n")
        }
    }
}
