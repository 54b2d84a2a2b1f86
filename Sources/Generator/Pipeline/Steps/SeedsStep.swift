// SeedsStep: for every corpus with more than one seed, its statistics across seeds; JSON in the cache.
import Core
import Foundation

/// After validate (it reads every seed's report) and before render. One artifact per corpus, made from all of
/// the corpus's runs, so it is a step of the corpus's first run; a corpus with one seed has nothing to compare.
struct SeedsStep: CorpusArtifactStep {
    var name: String { "seeds" }

    func models(_ context: BuildContext) -> [any CorpusModel] {
        context.primaryModels.filter { context.configuration.seeds(of: $0.corpus).count > 1 }
    }

    func artifact(_ run: CorpusRun, _ context: BuildContext) throws -> URL { try context.seedsFile(run.corpus) }

    func key(_ run: CorpusRun, _ context: BuildContext) throws -> CacheKey { try context.seedsKey(run.corpus) }

    func make(_ model: any CorpusModel, artifact: URL, context: inout BuildContext, progress: ProgressMeter) throws {
        let start = Date()
        let runs = context.runs(of: model.corpus)
        var reports: [ValidationReport] = [], metrics: [[Metric]] = []
        for run in runs {
            reports.append(try context.report(run))
            metrics.append(try CorpusModels.make(run).testMetrics(from: try context.modelFolder(run)))
        }
        let summary = try SeedSummary.summarise(reports: reports, metrics: metrics, seeds: runs.map(\.seed),
                                                lexicons: try context.loadLexicons(),
                                                resamples: context.configuration.validation.bootstrapResamples,
                                                seed: context.configuration.seed, source: artifact.path)
        try ModelCheckpoint.encoder().encode(summary).write(to: artifact, options: .atomic)
        context.seedSummaries[model.corpus.id] = summary
        progress.advance(by: summary.comparison.figures.count + summary.comparison.pairs.count)
        context.output.write(String(format: "  %@: %d seeds, %d method × layer figures and %d pairs in %.1fs\n",
                                    model.corpus.id, runs.count, summary.comparison.figures.count,
                                    summary.comparison.pairs.count, Date().timeIntervalSince(start)))
    }
}
