// KubernetesJobsTests: the Jobs `atlas kubernetes` writes — Indexed training and tracing Jobs whose pods take their
// shard from $JOB_COMPLETION_INDEX, the merge, all on one volume — read back as YAML; the script parsed by bash.
// (CI also validates them against the Kubernetes API's schemas: scripts/kubernetes/check-manifests.sh.)
import Foundation
import Testing
import Yams
@testable import Generator

@Suite struct KubernetesJobsTests {
    static let jobs = KubernetesJobs(
        plan: ClusterPlan(trainTasks: 8, traceShards: 3, threads: 2, workingDirectory: "/opt/attention-atlas",
                          executable: "atlas", buildOptions: ["--profile", "ci", "--cache-dir", "/shared/cache", "--threads", "2"],
                          out: "/shared/site", logs: "", source: "the ci profile"),
        image: "registry.example/atlas:1", claim: "atlas-shared", mountPath: "/shared", memory: "8Gi", namespace: "lab")

    static func job(_ name: String) throws -> [String: Any] {
        let text = try #require(try jobs.files().first { $0.name == name }?.text)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    @Test func indexedJobsTakeTheirShardFromTheCompletionIndex() throws {
        for (file, count, shard) in [("1-train.yaml", 8, "--shard \"$JOB_COMPLETION_INDEX/8\" --until train"),
                                     ("2-trace.yaml", 3, "--shard \"$JOB_COMPLETION_INDEX/3\"")] {
            let job = try Self.job(file)
            #expect(job["apiVersion"] as? String == "batch/v1" && job["kind"] as? String == "Job")
            let spec = try #require(job["spec"] as? [String: Any])
            #expect(spec["completionMode"] as? String == "Indexed")
            #expect(spec["completions"] as? Int == count && spec["parallelism"] as? Int == count)
            let pod = try #require((spec["template"] as? [String: Any])?["spec"] as? [String: Any])
            #expect(pod["restartPolicy"] as? String == "Never")
            let container = try #require((pod["containers"] as? [[String: Any]])?.first)
            let command = try #require(container["command"] as? [String])
            #expect(command.prefix(2) == ["sh", "-c"])
            #expect(command[2] == "exec atlas build --profile ci --cache-dir /shared/cache --threads 2 " + shard)
            #expect(container["workingDir"] as? String == "/opt/attention-atlas")
            #expect((container["volumeMounts"] as? [[String: Any]])?.first?["mountPath"] as? String == "/shared")
            let claim = ((pod["volumes"] as? [[String: Any]])?.first?["persistentVolumeClaim"] as? [String: Any])?["claimName"]
            #expect(claim as? String == "atlas-shared")
            #expect((job["metadata"] as? [String: Any])?["namespace"] as? String == "lab")
        }
        let merge = try #require(try Self.job("3-merge.yaml")["spec"] as? [String: Any])
        #expect(merge["completionMode"] == nil && merge["completions"] as? Int == 1)
    }

    @Test func theSameBytesEveryTimeAndAScriptBashParses() throws {
        let files = try Self.jobs.files()
        #expect(files.map(\.name) == ["1-train.yaml", "2-trace.yaml", "3-merge.yaml", "run.sh"])
        #expect(try Self.jobs.files().map(\.text) == files.map(\.text))
        let script = try #require(files.last?.text)
        #expect(script.contains("phase train 1-train.yaml\nphase trace 2-trace.yaml\nphase merge 3-merge.yaml\n"))
        #expect(script.contains("kubectl --namespace lab apply -f \"$2\""))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-k8s-\(UUID().uuidString).sh")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(script.utf8).write(to: file)
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-n", file.path]
        try bash.run()
        bash.waitUntilExit()
        #expect(bash.terminationStatus == 0)
    }
}
