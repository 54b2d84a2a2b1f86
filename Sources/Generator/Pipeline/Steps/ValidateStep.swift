// ValidateStep: lexicon statistics for every method × layer of every corpus; JSON in the cache.
import Core
import Foundation

struct ValidateStep: CorpusArtifactStep {
    var name: String { "validate" }

    func artifact(_ corpus: CorpusSettings, _ context: BuildContext) throws -> URL { try context.validationFile(corpus) }

    func key(_ corpus: CorpusSettings, _ context: BuildContext) throws -> CacheKey { try context.validationKey(corpus) }

    func make(_ model: any CorpusModel, artifact: URL, context: inout BuildContext, progress: ProgressMeter) throws {
        let corpus = model.corpus
        let report = try Validation.validate(try context.records(corpus), lexicons: try context.loadLexicons(),
                                             settings: context.configuration.validation,
                                             seed: context.configuration.seed)
        try ModelCheckpoint.encoder().encode(report).write(to: artifact, options: .atomic)
        context.reports[corpus.id] = report
        progress.advance(by: report.entries.count)
        context.output.write("  \(corpus.id): \(report.entries.count) method × layer entries validated\n")
    }
}
