// ValidateStep: lexicon statistics for every method × layer of every corpus; JSON in the cache.
import Core
import Foundation

struct ValidateStep: Step {
    var name: String { "validate" }

    func cacheKey(_ context: BuildContext) throws -> CacheKey? {
        try context.artifactsKey(file: context.validationFile, key: context.validationKey)
    }

    func run(_ context: inout BuildContext, progress: ProgressMeter) throws {
        let isForced = context.isForced(name)
        for corpus in context.configuration.corpora {
            let file = try context.validationFile(corpus)
            if FileManager.default.fileExists(atPath: file.path) && !isForced { continue }
            let report = try Validation.validate(try context.records(corpus), lexicons: try context.loadLexicons(),
                                                 settings: context.configuration.validation,
                                                 seed: context.configuration.seed)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try ModelCheckpoint.encoder().encode(report).write(to: file, options: .atomic)
            context.reports[corpus.id] = report
            progress.advance(by: report.entries.count)
            context.output.write("  \(corpus.id): \(report.entries.count) method × layer entries validated\n")
        }
    }
}
