// ClusterPlan: a build as the three phases a cluster runs — one training task per run, N tracing shards, one merge.
import Foundation

/// What every scheduler's jobs run, whatever the scheduler: the same `atlas build` with the same configuration and
/// cache, as `--shard k/M --until train` (M = the build's runs: one seed of one corpus a task), then
/// `--shard i/N`, then `--merge`. Paths are absolute, because the tasks start on other nodes: every node must
/// see them on a shared file system.
struct ClusterPlan: Equatable {
    /// The runs of the build (corpus × seed): the training tasks.
    var trainTasks: Int
    /// Shards of the trace and faithfulness work.
    var traceShards: Int
    /// Threads (cores) of each task.
    var threads: Int
    /// Where `atlas` runs (the project folder: `corpora/manifest.yml`, `Templates/`).
    var workingDirectory: String
    var executable: String
    /// The options every phase shares: configuration or profile, seeds, data and cache folders, threads.
    var buildOptions: [String]
    /// The site folder the merge publishes.
    var out: String
    /// Where the tasks' logs go.
    var logs: String
    /// What the configuration is, for the script's first comment.
    var source: String

    /// `atlas build … --shard <index>/M --until train`, with `index` as the scheduler spells it.
    func trainCommand(index: String) -> [String] {
        [executable, "build"] + buildOptions + ["--shard", "\(index)/\(trainTasks)", "--until", "train"]
    }

    func traceCommand(index: String) -> [String] {
        [executable, "build"] + buildOptions + ["--shard", "\(index)/\(traceShards)"]
    }

    var mergeCommand: [String] { [executable, "build"] + buildOptions + ["--merge", "--out", out] }

    /// A command as one shell line: each word quoted unless it is plain, `$VARIABLE` words left for the shell
    /// (in double quotes, so `"$SLURM_ARRAY_TASK_ID/4"` stays one word).
    static func shellLine(_ words: [String]) -> String {
        words.map { word in
            if word.contains("$") { return "\"\(word)\"" }
            if !word.isEmpty && word.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0) }) && word.allSatisfy(\.isASCII) {
                return word
            }
            return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
