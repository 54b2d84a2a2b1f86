// KubernetesJobs: a ClusterPlan as three batch/v1 Jobs (Indexed training and tracing, then the merge) and the
// script that applies them in order.
import Foundation
import Yams

/// Kubernetes has no dependency between Jobs, so `run.sh` applies the training Job, waits until it is Complete
/// (or stops at Failed), then the tracing Job, then the merge. Each Indexed Job gives its pods
/// `$JOB_COMPLETION_INDEX` (0 … completions − 1), the shard index. Every pod mounts one PersistentVolumeClaim
/// (ReadWriteMany) at `mountPath`, where the cache and the site live; the image holds this project folder
/// (`workingDirectory`: `corpora/manifest.yml`, `Templates/`) and `atlas`.
struct KubernetesJobs {
    var plan: ClusterPlan
    var image: String
    var claim: String
    var mountPath: String
    var memory: String
    var namespace: String?

    /// File name → contents: `1-train.yaml`, `2-trace.yaml`, `3-merge.yaml`, `run.sh`.
    func files() throws -> [(name: String, text: String)] {
        let p = plan
        return [("1-train.yaml", try manifest("train", indexed: p.trainTasks,
                                              command: p.trainCommand(index: "$JOB_COMPLETION_INDEX"))),
                ("2-trace.yaml", try manifest("trace", indexed: p.traceShards,
                                              command: p.traceCommand(index: "$JOB_COMPLETION_INDEX"))),
                ("3-merge.yaml", try manifest("merge", indexed: nil, command: p.mergeCommand)),
                ("run.sh", script)]
    }

    func manifest(_ phase: String, indexed count: Int?, command: [String]) throws -> String {
        let labels = ["app.kubernetes.io/name": "attention-atlas", "app.kubernetes.io/component": phase]
        let cpu = "\(plan.threads)"
        let container = Container(
            name: "atlas", image: image, workingDir: plan.workingDirectory,
            // `sh -c` so that the shell expands $JOB_COMPLETION_INDEX (Kubernetes expands only $(VAR) forms).
            command: ["sh", "-c", "exec " + ClusterPlan.shellLine(command)],
            resources: .init(requests: ["cpu": cpu, "memory": memory], limits: ["cpu": cpu, "memory": memory]),
            volumeMounts: [.init(name: "shared", mountPath: mountPath)])
        let job = Job(
            metadata: .init(name: "atlas-\(phase)", namespace: namespace, labels: labels),
            spec: .init(completionMode: count == nil ? nil : "Indexed", completions: count ?? 1,
                        parallelism: count ?? 1, backoffLimit: 3 * (count ?? 1),
                        template: .init(metadata: .init(name: nil, namespace: nil, labels: labels),
                                        spec: .init(restartPolicy: "Never", containers: [container],
                                                    volumes: [.init(name: "shared", persistentVolumeClaim: .init(claimName: claim))]))))
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = true  // the labels and resources are dictionaries: sorted, the same bytes every time
        return "# Attention Atlas, \(phase) phase, written by `atlas kubernetes` for \(plan.source).\n"
            + (try encoder.encode(job))
    }

    var script: String {
        let ns = namespace.map { " --namespace " + ClusterPlan.shellLine([$0]) } ?? ""
        return """
            #!/usr/bin/env bash
            # Attention Atlas on Kubernetes, written by `atlas kubernetes` for \(plan.source): \(plan.trainTasks) training
            # pods (one seed of one corpus each), then \(plan.traceShards) tracing pods, then the merge, which publishes \(plan.out)
            # on the volume \(claim). Jobs do not wait for each other, so this applies one, waits for it and only then the next.
            set -euo pipefail
            cd "$(dirname "$0")"
            phase() {
                kubectl\(ns) delete job "atlas-$1" --ignore-not-found
                kubectl\(ns) apply -f "$2"
                while true; do
                    state=$(kubectl\(ns) get job "atlas-$1" -o jsonpath='{.status.conditions[?(@.status=="True")].type}')
                    case "$state" in
                        *Complete*) echo "atlas: $1 complete"; return 0 ;;
                        *Failed*) echo "atlas: $1 failed; kubectl logs -l app.kubernetes.io/component=$1 shows why" >&2; return 1 ;;
                    esac
                    sleep 10
                done
            }
            phase train 1-train.yaml
            phase trace 2-trace.yaml
            phase merge 3-merge.yaml
            echo "atlas: the site is in \(plan.out) on the volume \(claim)"

            """
    }

    // The few fields of a batch/v1 Job this writes.
    struct Job: Encodable {
        var apiVersion = "batch/v1"
        var kind = "Job"
        var metadata: Metadata
        var spec: Spec
    }
    struct Metadata: Encodable {
        var name: String?
        var namespace: String?
        var labels: [String: String]
    }
    struct Spec: Encodable {
        var completionMode: String?
        var completions: Int
        var parallelism: Int
        var backoffLimit: Int
        var template: Template
    }
    struct Template: Encodable {
        var metadata: Metadata
        var spec: PodSpec
    }
    struct PodSpec: Encodable {
        var restartPolicy: String
        var containers: [Container]
        var volumes: [Volume]
    }
    struct Container: Encodable {
        var name: String
        var image: String
        var workingDir: String
        var command: [String]
        var resources: Resources
        var volumeMounts: [VolumeMount]
    }
    struct Resources: Encodable {
        var requests: [String: String]
        var limits: [String: String]
    }
    struct VolumeMount: Encodable {
        var name: String
        var mountPath: String
    }
    struct Volume: Encodable {
        var name: String
        var persistentVolumeClaim: Claim
    }
    struct Claim: Encodable {
        var claimName: String
    }
}
