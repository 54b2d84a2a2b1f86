// SiteOptions: which site configuration a command builds — a YAML file or a profile, and how many seeds.
import ArgumentParser

/// The options `atlas build` and `atlas slurm` share, so that the jobs a cluster runs build exactly what
/// `atlas build` with the same words would.
struct SiteOptions: ParsableArguments {
    @Option(help: "A YAML configuration (see README). Without it the chosen profile's defaults are used.")
    var config: String?

    @Option(help: "Profile when no configuration is given: full (the paper's setting) or ci (small and quick).")
    var profile: Profile = .full

    @Option(help: ArgumentHelp("Train this many seeds of every corpus, counted from the configuration's seed.",
                               discussion: "Overrides `seeds:` of the configuration and its corpora (profile defaults: full 3, ci 2). Each seed's model, traces and statistics are cached on their own, so --seeds 3 after --seeds 2 trains only the third."))
    var seeds: Int?

    func validate() throws {
        if let seeds, seeds < 1 { throw ValidationError("--seeds must be at least 1.") }
    }

    /// The configuration these options name, with `--seeds` applied.
    func load() throws -> SiteConfiguration {
        var configuration = try config.map(SiteConfiguration.load(path:)) ?? SiteConfiguration(profile: profile)
        if let seeds { configuration.overrideSeeds(count: seeds) }
        return configuration
    }

    /// How the build's first lines name it.
    var source: String { config ?? "the \(profile.rawValue) profile" }
}
