// FaithfulnessShardFile: a shard of a run's faithfulness evaluations, and all of them put back in order.
import Core
import Foundation

/// The evaluations of the examples a shard judged, each with its record's position in the run's trace (JSON, compact,
/// as the whole file).
enum FaithfulnessShardFile {
    struct Contents: Codable {
        var shard: Shard
        var examples: [JudgedExample]
    }

    static func write(_ examples: [JudgedExample], shard: Shard, to url: URL) throws {
        try JSONEncoder().encode(Contents(shard: shard, examples: examples)).write(to: url, options: .atomic)
    }

    /// Every example of a complete set of shards, in trace order; `judged` is the positions that must be there
    /// (the run's records with a word), each exactly once.
    static func merge(_ files: [URL], judged: [Int]) throws -> [ExampleEvaluation] {
        var byIndex: [Int: ExampleEvaluation] = [:]
        for url in files {
            let contents = try BuildContext.decodeArtifact(Contents.self, at: url, what: "faithfulness shard",
                                                           step: "faithfulness")
            for example in contents.examples {
                guard byIndex.updateValue(example.evaluation, forKey: example.index) == nil else {
                    throw AtlasError(source: url.path, message: "example \(example.index) is in two shards",
                                     hint: "the shards were dealt differently; run them again")
                }
            }
        }
        guard byIndex.count == judged.count, judged.allSatisfy({ byIndex[$0] != nil }) else {
            throw AtlasError(source: files[0].path,
                             message: "the shards judge \(byIndex.count) examples, the trace has \(judged.count) to judge",
                             hint: "the shards come from a different trace; run them again")
        }
        return judged.map { byIndex[$0]! }
    }
}
