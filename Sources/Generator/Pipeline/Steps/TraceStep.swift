// TraceStep: traces the configured split of every corpus with every method; JSON Lines in the cache.
import Core
import Foundation

struct TraceStep: CorpusArtifactStep {
    var name: String { "trace" }

    func artifact(_ corpus: CorpusSettings, _ context: BuildContext) throws -> URL { try context.traceFile(corpus) }

    func key(_ corpus: CorpusSettings, _ context: BuildContext) throws -> CacheKey { try context.traceKey(corpus) }

    func make(_ model: any CorpusModel, artifact: URL, context: inout BuildContext, progress: ProgressMeter) throws {
        let corpus = model.corpus
        let records = try model.trace(from: try context.modelFolder(corpus), context: &context, progress: progress)
        try Data(try TraceRecord.jsonLines(records).utf8).write(to: artifact, options: .atomic)
        context.traces[corpus.id] = records
        let errors = records.compactMap { $0.integratedGradientsError?.relative }
        let median = errors.sorted()[safe: errors.count / 2] ?? 0
        context.output.write(String(format: "  %@: %d examples traced", corpus.id, records.count)
                             + (errors.isEmpty ? "\n" : String(format: "; integrated gradients' median completeness error %.2f%%\n", 100 * median)))
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
