// TraceStep: traces the configured split of every corpus with every method; JSON Lines in the cache.
import Core
import Foundation

struct TraceStep: Step {
    var name: String { "trace" }

    func cacheKey(_ context: BuildContext) throws -> CacheKey? {
        try context.artifactsKey(file: context.traceFile, key: context.traceKey)
    }

    func run(_ context: inout BuildContext, progress: ProgressMeter) throws {
        let isForced = context.isForced(name)
        for corpus in context.configuration.corpora {
            let file = try context.traceFile(corpus)
            if FileManager.default.fileExists(atPath: file.path) && !isForced { continue }
            let records = corpus.task.isNarrative
                ? try NarrativeStage.trace(corpus, context: &context, progress: progress)
                : corpus.model.load != nil
                ? try PretrainedTracing.trace(corpus, context: &context, progress: progress)
                : Tracing.trace(corpus, model: try context.model(corpus), dataset: try context.dataset(corpus),
                                threads: context.threads, progress: progress)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(try TraceRecord.jsonLines(records).utf8).write(to: file, options: .atomic)
            context.traces[corpus.id] = records
            let errors = records.compactMap { $0.integratedGradientsError?.relative }
            let median = errors.sorted()[safe: errors.count / 2] ?? 0
            context.output.write(String(format: "  %@: %d examples traced", corpus.id, records.count)
                                 + (errors.isEmpty ? "\n" : String(format: "; integrated gradients' median completeness error %.2f%%\n", 100 * median)))
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
