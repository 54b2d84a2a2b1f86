// SlurmScriptTests: the job script `atlas slurm` writes — three sbatch jobs chained by afterok, each running the same
// `atlas build` with its shard, paths quoted for the shell — parsed by bash itself.
import Foundation
import Testing
@testable import Generator

@Suite struct SlurmScriptTests {
    static let plan = ClusterPlan(trainTasks: 8, traceShards: 3, threads: 2, workingDirectory: "/shared/atlas it's",
                                  executable: "/shared/atlas it's/.build/release/atlas",
                                  buildOptions: ["--profile", "ci", "--cache-dir", "/shared/cache", "--threads", "2"],
                                  out: "/shared/site", logs: "/shared/logs", source: "the ci profile")

    @Test func threeJobsChainedByAfterOkEachRunningItsShard() throws {
        let text = SlurmScript(plan: Self.plan, sbatchOptions: ["--partition=cpu"], waits: true).text
        #expect(text.contains("submit() { sbatch --parsable --kill-on-invalid-dep=yes --cpus-per-task=2 --partition=cpu \"$@\"; }"))
        #expect(text.contains("train=$(submit --job-name=atlas-train --array=0-7 --output=/shared/logs/train-%a.out <<'JOB'"))
        #expect(text.contains("--array=0-2 --dependency=afterok:\"$train\""))
        #expect(text.contains("--dependency=afterok:\"$trace\" --wait"))
        // Each job runs from the project folder, quoted (a space and a quote in it), its shard left to the shell.
        #expect(text.contains("cd '/shared/atlas it'\\''s'\n"))
        #expect(text.contains("build --profile ci --cache-dir /shared/cache --threads 2 --shard \"$SLURM_ARRAY_TASK_ID/8\" --until train\n"))
        #expect(text.contains("--threads 2 --shard \"$SLURM_ARRAY_TASK_ID/3\"\n"))
        #expect(text.contains("--threads 2 --merge --out /shared/site\n"))
        // Waiting, the merge job's own state decides the exit status (sbatch --wait exits 0 for a cancelled job).
        #expect(text.contains("if [ \"$state\" != COMPLETED ]"))
        #expect(!SlurmScript(plan: Self.plan).text.contains("--wait"))
    }

    @Test func bashParsesTheScript() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-slurm-\(UUID().uuidString).sh")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(SlurmScript(plan: Self.plan, waits: true).text.utf8).write(to: file)
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-n", file.path]
        try bash.run()
        bash.waitUntilExit()
        #expect(bash.terminationStatus == 0)
    }

    @Test func shellWordsAreQuotedOnlyWhenTheyNeedIt() {
        #expect(ClusterPlan.shellLine(["atlas", "--out", "/a b", "it's", "$X/3", "", "é"])
                == "atlas --out '/a b' 'it'\\''s' \"$X/3\" '' 'é'")
    }
}
