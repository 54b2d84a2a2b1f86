// TraceStep: traces the configured split of every corpus with every method; JSON Lines in the cache.
import Core
import Foundation

struct TraceStep: CorpusArtifactStep {
    var name: String { "trace" }

    func artifact(_ run: CorpusRun, _ context: BuildContext) throws -> URL { try context.traceFile(run) }

    func key(_ run: CorpusRun, _ context: BuildContext) throws -> CacheKey { try context.traceKey(run) }

    /// The shards of a sharded build, when the cache holds them all, are put together (the same bytes as one
    /// trace); `--force trace` traces again instead.
    func make(_ model: any CorpusModel, artifact: URL, context: inout BuildContext, progress: ProgressMeter) throws {
        let run = model.run
        if !context.isForced(name), let shards = try ShardFiles.completeSet(artifact, what: "trace of \(run.name)") {
            let text = try TraceShardFile.merge(shards)
            try Data(text.utf8).write(to: artifact, options: .atomic)
            for shard in shards { try? FileManager.default.removeItem(at: shard) }
            context.output.write("  \(run.name): \(try context.records(run).count) records put together from \(shards.count) shards\n")
            return
        }
        if context.mergesShards {
            throw ShardFiles.noShard(artifact, what: "trace of \(run.name)")
        }
        let records = try model.trace(from: try context.modelFolder(run), context: &context, progress: progress)
        try Data(try TraceRecord.jsonLines(records).utf8).write(to: artifact, options: .atomic)
        context.traces[run.stem] = records
        let errors = records.compactMap { $0.integratedGradientsError?.relative }
        let median = errors.sorted()[safe: errors.count / 2] ?? 0
        context.output.write(String(format: "  %@: %d examples traced", run.name, records.count)
                             + (errors.isEmpty ? "\n" : String(format: "; integrated gradients' median completeness error %.2f%%\n", 100 * median)))
    }
}
