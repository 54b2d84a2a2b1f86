// TraceStep: traces the configured split of every corpus with every method; JSON Lines in the cache.
import Core
import Foundation

struct TraceStep: CorpusArtifactStep {
    var name: String { "trace" }

    func artifact(_ run: CorpusRun, _ context: BuildContext) throws -> URL { try context.traceFile(run) }

    func key(_ run: CorpusRun, _ context: BuildContext) throws -> CacheKey { try context.traceKey(run) }

    func make(_ model: any CorpusModel, artifact: URL, context: inout BuildContext, progress: ProgressMeter) throws {
        let run = model.run
        let records = try model.trace(from: try context.modelFolder(run), context: &context, progress: progress)
        try Data(try TraceRecord.jsonLines(records).utf8).write(to: artifact, options: .atomic)
        context.traces[run.stem] = records
        let errors = records.compactMap { $0.integratedGradientsError?.relative }
        let median = errors.sorted()[safe: errors.count / 2] ?? 0
        context.output.write(String(format: "  %@: %d examples traced", run.name, records.count)
                             + (errors.isEmpty ? "\n" : String(format: "; integrated gradients' median completeness error %.2f%%\n", 100 * median)))
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
