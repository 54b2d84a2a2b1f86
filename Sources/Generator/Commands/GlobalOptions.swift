// GlobalOptions: the options every subcommand shares.
import ArgumentParser

struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Folder to look for datasets in first (then $ATLAS_DATA, ../shared/corpora, corpora/cache).")
    var dataDir: String?

    @Option(name: .long, help: "Seed for every random choice (initialisation, batching, bootstrap).")
    var seed: UInt64 = 0

    @Option(name: .long, help: "Threads for matrix products and parallel work.")
    var threads: Int = 2

    @Option(name: .long, help: "Folder for downloads, checkpoints and cached results.")
    var cacheDir: String = "corpora/cache"

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1.") }
    }
}
