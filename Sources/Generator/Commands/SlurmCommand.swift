// SlurmCommand: `atlas slurm` — writes the sbatch jobs that build the site on a Slurm cluster, sharded.
import ArgumentParser
import Foundation

struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Write a script that builds the site on a Slurm cluster: training, tracing shards, merge.",
        discussion: """
            The script submits three jobs with sbatch: an array of one training task per run (corpus × seed: \
            `atlas build --shard k/M --until train`), an array of --shards tracing tasks after it (`atlas build \
            --shard i/N`: each traces and judges its share of every run's examples) and the merge after those \
            (`atlas build --merge`: puts the shards together, byte-identical to a one-machine build, validates \
            and publishes). The phases are chained with --dependency=afterok; a failed task cancels the jobs after \
            it (--kill-on-invalid-dep=yes), and resubmitting the script re-runs only what is missing, since \
            every finished model and shard stays in the cache.

            Paths in the script are absolute: the cache, data and site folders and this project folder must be on \
            a file system every node mounts at the same path. Example:

              atlas slurm --config site.yml --cache-dir /shared/atlas-cache --shards 16 --threads 4 \\
                  --sbatch-option=--partition=cpu --sbatch-option=--time=04:00:00 > atlas-jobs.sh
              bash atlas-jobs.sh
            """)

    @OptionGroup var global: GlobalOptions

    @OptionGroup var site: SiteOptions

    @Option(help: "Tracing shards: tasks of the second job, each tracing and judging 1/N of every run's examples.")
    var shards: Int = 4

    @Option(help: "The site folder the merge publishes.")
    var out: String = "site"

    @Option(help: "Folder for the tasks' logs (train-<k>.out, trace-<i>.out, merge.out).")
    var logs: String = "slurm-logs"

    @Option(help: "The atlas executable the tasks run (default: this one).")
    var atlas: String?

    @Option(name: .customLong("sbatch-option"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("An sbatch option for every job, as --sbatch-option=--partition=cpu. Repeatable.", valueName: "option"))
    var sbatchOptions: [String] = []

    @Flag(help: "Wait for the merge job and exit with its status (for CI).")
    var wait = false

    func validate() throws {
        guard shards >= 1 else { throw ValidationError("--shards must be at least 1.") }
        for option in sbatchOptions where !option.hasPrefix("-") {
            throw ValidationError("--sbatch-option \(option): give the option itself, e.g. --sbatch-option=--partition=cpu.")
        }
    }

    func run() throws {
        let plan = ClusterPlan(site: site, configuration: try site.load(), global: global, shards: shards, out: out,
                               logs: logs, executable: atlas)
        print(SlurmScript(plan: plan, sbatchOptions: sbatchOptions, waits: wait).text, terminator: "")
    }
}

extension ClusterPlan {
    /// The plan of a configuration as `atlas slurm` was asked for it: relative paths made absolute against the
    /// current folder (the tasks start there on other nodes), the executable this process's own (its real path)
    /// unless one is given.
    init(site: SiteOptions, configuration: SiteConfiguration, global: GlobalOptions, shards: Int, out: String,
         logs: String, executable: String?) {
        let here = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: here, isDirectory: true)).standardizedFileURL.path
        }
        self.init(trainTasks: configuration.runs.count, traceShards: shards, threads: global.threads,
                  workingDirectory: here, executable: absolute(executable ?? Bundle.main.executablePath ?? CommandLine.arguments[0]),
                  buildOptions: Self.buildOptions(site: site, global: global, path: absolute), out: absolute(out),
                  logs: absolute(logs), source: Self.source(site))
    }

    /// The options every phase passes to `atlas build`, each path through `path`.
    static func buildOptions(site: SiteOptions, global: GlobalOptions, path: (String) -> String) -> [String] {
        var options = site.config.map { ["--config", path($0)] } ?? ["--profile", site.profile.rawValue]
        if let seeds = site.seeds { options += ["--seeds", "\(seeds)"] }
        if global.seed != 0 { options += ["--seed", "\(global.seed)"] }
        if let dataDir = global.dataDir { options += ["--data-dir", path(dataDir)] }
        return options + ["--cache-dir", path(global.cacheDir), "--threads", "\(global.threads)"]
    }

    static func source(_ site: SiteOptions) -> String {
        site.config.map { "the configuration \($0)" } ?? "the \(site.profile.rawValue) profile"
    }
}
