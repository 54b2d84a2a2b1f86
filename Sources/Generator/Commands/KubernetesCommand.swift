// KubernetesCommand: `atlas kubernetes` — writes the Indexed Jobs that build the site on a Kubernetes cluster, sharded.
import ArgumentParser
import Foundation

struct KubernetesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubernetes",
        abstract: "Write the Jobs that build the site on Kubernetes: training, tracing shards, merge.",
        discussion: """
            Writes three batch/v1 Jobs and a script into --manifests: 1-train.yaml (an Indexed Job of one pod per \
            run, corpus × seed: `atlas build --shard $JOB_COMPLETION_INDEX/M --until train`), 2-trace.yaml (an \
            Indexed Job of --shards pods: `atlas build --shard $JOB_COMPLETION_INDEX/N`), 3-merge.yaml (`atlas \
            build --merge`), and run.sh, which applies each Job only when the one before is Complete (Jobs do not \
            wait for each other) and stops at the first Failed one. Re-running run.sh redoes only what is missing.

            Every pod mounts one PersistentVolumeClaim (--claim, ReadWriteMany) at --mount; the cache and the site \
            must be on it. The image (--image) holds this project folder at --workdir and `atlas` on its PATH. \
            Paths are the pods' paths, not this machine's. Example:

              atlas kubernetes --config /shared/site.yml --image registry.example/attention-atlas:1 \\
                  --claim atlas-shared --cache-dir /shared/cache --shards 16 --threads 4
              bash kubernetes/run.sh
            """)

    @OptionGroup var global: GlobalOptions

    @OptionGroup var site: SiteOptions

    @Option(help: "Tracing shards: pods of the second Job, each tracing and judging 1/N of every run's examples.")
    var shards: Int = 4

    @Option(help: "The container image: this project folder at --workdir, `atlas` on its PATH.")
    var image: String

    @Option(help: "The PersistentVolumeClaim every pod mounts (ReadWriteMany): cache and site.")
    var claim: String = "atlas-shared"

    @Option(help: "Where the pods mount the claim.")
    var mount: String = "/shared"

    @Option(help: "The project folder inside the image (corpora/manifest.yml, Templates/).")
    var workdir: String = "/opt/attention-atlas"

    @Option(help: "The site folder the merge publishes (default: <mount>/site).")
    var out: String?

    @Option(help: "Memory each pod requests (and is limited to).")
    var memory: String = "8Gi"

    @Option(help: "The namespace of the Jobs (default: kubectl's).")
    var namespace: String?

    @Option(help: "The folder the manifests and run.sh are written to.")
    var manifests: String = "kubernetes"

    /// The mount path without a trailing slash.
    var volume: String { mount.hasSuffix("/") ? String(mount.dropLast()) : mount }

    func validate() throws {
        guard shards >= 1 else { throw ValidationError("--shards must be at least 1.") }
        guard mount.hasPrefix("/") else { throw ValidationError("--mount \(mount): give the pods' absolute path, e.g. /shared.") }
        for (name, path) in [("--cache-dir", global.cacheDir), ("--out", out ?? volume + "/site")] where !path.hasPrefix(volume + "/") {
            throw ValidationError("\(name) \(path): every pod must see it, so it must be on the volume: under --mount \(mount), e.g. \(volume)/\(name == "--out" ? "site" : "cache").")
        }
    }

    func run() throws {
        let plan = ClusterPlan(trainTasks: try site.load().runs.count, traceShards: shards, threads: global.threads,
                               workingDirectory: workdir, executable: "atlas",
                               buildOptions: ClusterPlan.buildOptions(site: site, global: global, path: { $0 }),
                               out: out ?? volume + "/site", logs: "", source: ClusterPlan.source(site))
        let jobs = KubernetesJobs(plan: plan, image: image, claim: claim, mountPath: volume, memory: memory,
                                  namespace: namespace)
        let folder = URL(fileURLWithPath: manifests)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in try jobs.files() {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
        }
        print("wrote \(manifests)/1-train.yaml (\(plan.trainTasks) pods), 2-trace.yaml (\(shards) pods), 3-merge.yaml, run.sh; "
              + "start with: bash \(manifests)/run.sh")
    }
}
