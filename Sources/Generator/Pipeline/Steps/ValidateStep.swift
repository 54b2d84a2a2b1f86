// ValidateStep: lexicon statistics for every method × layer of every corpus; JSON in the cache.
import Core
import Foundation

struct ValidateStep: CorpusArtifactStep {
    var name: String { "validate" }

    func artifact(_ run: CorpusRun, _ context: BuildContext) throws -> URL { try context.validationFile(run) }

    func key(_ run: CorpusRun, _ context: BuildContext) throws -> CacheKey { try context.validationKey(run) }

    func make(_ model: any CorpusModel, artifact: URL, context: inout BuildContext, progress: ProgressMeter) throws {
        let run = model.run
        let report = try Validation.validate(try context.records(run), lexicons: try context.loadLexicons(),
                                             settings: context.configuration.validation, seed: run.seed)
        try ModelCheckpoint.encoder().encode(report).write(to: artifact, options: .atomic)
        context.reports[run.stem] = report
        progress.advance(by: report.entries.count)
        context.output.write("  \(run.name): \(report.entries.count) method × layer entries validated\n")
    }
}
