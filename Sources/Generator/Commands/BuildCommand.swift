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
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "A YAML configuration (see README). Without it the chosen profile's defaults are used.")
    var config: String?

    @Option(help: "Profile when no configuration is given: full (the paper's setting) or ci (small and quick).")
    var profile: Profile = .full

    @Option(help: "The site folder.")
    var out: String = "site"

    @Option(help: "The templates folder.")
    var templates: String = TemplateLibrary.defaultDirectory

    @Option(help: ArgumentHelp("Train this many seeds of every corpus, counted from the configuration's seed.",
                               discussion: "Overrides `seeds:` of the configuration and its corpora (profile defaults: full 3, ci 2). Each seed's model, traces and statistics are cached on their own, so --seeds 3 after --seeds 2 trains only the third."))
    var seeds: Int?

    @Option(help: "Redo a step even when unchanged (\(BuildCommand.steps.map(\.name).joined(separator: ", ")), or all). Repeatable.")
    var force: [String] = []

    /// The build, in order: the one list the runner, `--force` and this help read.
    static let steps: [any Step<BuildContext>] = [DataStep(), TrainStep(), TraceStep(), FaithfulnessStep(), ValidateStep(),
                                                  ControlsStep(), SeedsStep(), RenderStep(), CheckStep()]
    static let stepNames = steps.map(\.name) + ["all"]

    func validate() throws {
        for name in force where !Self.stepNames.contains(name) {
            throw ValidationError("--force \(name): not a step; use one of \(Self.stepNames.joined(separator: ", ")).")
        }
        if let seeds, seeds < 1 { throw ValidationError("--seeds must be at least 1.") }
    }

    func run() async throws {
        var configuration = try config.map(SiteConfiguration.load(path:)) ?? SiteConfiguration(profile: profile)
        if let seeds { configuration.overrideSeeds(count: seeds) }
        let output = TerminalOutput.standardOutput()
        let cache = URL(fileURLWithPath: global.cacheDir).appendingPathComponent("build")
        let templatesURL = URL(fileURLWithPath: templates)
        var context = BuildContext(configuration: configuration,
                                   configurationSource: config ?? "the \(profile.rawValue) profile",
                                   store: try CorpusStore(options: global), cacheFolder: cache,
                                   outputFolder: URL(fileURLWithPath: out), templatesFolder: templatesURL,
                                   threads: global.threads, forced: Set(force), output: output)
        context.renderer = try await SiteRenderer(templatesDirectory: templatesURL)
        try context.digestPretrainedFolders()
        let start = Date()
        try PipelineRunner(cacheFolder: cache, forced: Set(force), output: output).run(Self.steps, context: &context)
        output.write("built \(out)/index.html in \(ProgressMeter.duration(Date().timeIntervalSince(start)))\n")
    }
}
