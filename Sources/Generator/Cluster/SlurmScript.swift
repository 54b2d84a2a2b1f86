// SlurmScript: a ClusterPlan as a bash script that submits three sbatch jobs chained by afterok dependencies.
import Foundation

/// The training array (`--array=0-(M-1)`, one run a task), the tracing array after it, the merge after that:
/// `--dependency=afterok` so a phase starts only when every task of the one before succeeded, and
/// `--kill-on-invalid-dep=yes` so a failed task cancels what depends on it instead of leaving it pending for ever.
/// Each job's script reaches sbatch on its standard input, so nothing is quoted twice.
struct SlurmScript {
    var plan: ClusterPlan
    /// Extra `sbatch` options for every job (`--partition=…`, `--time=…`, `--account=…`).
    var sbatchOptions: [String] = []
    /// Whether the script waits for the merge job and exits with its status (CI).
    var waits = false

    /// `sbatch --wait` exits 0 for a job cancelled because a task before it failed: the merge's own state says.
    static func checkMerge(logs: String) -> String {
        """
        state=$(scontrol show job "$merge" -o | grep -o 'JobState=[A-Z_]*' | cut -d= -f2)
        if [ "$state" != COMPLETED ]; then echo "atlas: merge $merge ended ${state:-unknown}; see \(ClusterPlan.shellLine([logs]))" >&2; exit 1; fi

        """
    }

    var text: String {
        let p = plan
        let common = ["--parsable", "--kill-on-invalid-dep=yes", "--cpus-per-task=\(p.threads)"] + sbatchOptions
        func job(_ command: [String]) -> String {
            """
            #!/usr/bin/env bash
            set -euo pipefail
            cd \(ClusterPlan.shellLine([p.workingDirectory]))
            exec \(ClusterPlan.shellLine(command))
            JOB
            """
        }
        return """
            #!/usr/bin/env bash
            # Attention Atlas on Slurm, written by `atlas slurm` for \(p.source).
            # Three jobs: \(p.trainTasks) training tasks (one seed of one corpus each), \(p.traceShards) tracing shards
            # when every model is trained, then the merge, which publishes \(p.out).
            # Every node must see these paths on a shared file system. Submit from a login node: bash <this file>
            set -euo pipefail
            mkdir -p \(ClusterPlan.shellLine([p.logs]))
            submit() { sbatch \(ClusterPlan.shellLine(common)) "$@"; }
            train=$(submit --job-name=atlas-train --array=0-\(p.trainTasks - 1) --output=\(ClusterPlan.shellLine([p.logs + "/train-%a.out"])) <<'JOB'
            \(job(p.trainCommand(index: "$SLURM_ARRAY_TASK_ID")))
            )
            echo "atlas: training $train (\(p.trainTasks) tasks)"
            trace=$(submit --job-name=atlas-trace --array=0-\(p.traceShards - 1) --dependency=afterok:"$train" --output=\(ClusterPlan.shellLine([p.logs + "/trace-%a.out"])) <<'JOB'
            \(job(p.traceCommand(index: "$SLURM_ARRAY_TASK_ID")))
            )
            echo "atlas: tracing $trace (\(p.traceShards) shards, after $train)"
            echo "atlas: merge after $trace\(waits ? "; waiting for it" : "")"
            merge=$(submit --job-name=atlas-merge --dependency=afterok:"$trace"\(waits ? " --wait" : "") --output=\(ClusterPlan.shellLine([p.logs + "/merge.out"])) <<'JOB'
            \(job(p.mergeCommand))
            )
            \(waits ? Self.checkMerge(logs: p.logs) : "")echo "atlas: merge $merge\(waits ? " finished; the site is in \(p.out)" : " submitted (squeue --me shows the three jobs)")"

            """
    }
}
