// SeedsStep: every corpus's statistics across its seeds and the agreement between its methods; JSON in the cache.
import Core
import Foundation

/// After validate (it reads every seed's report and traces) and before render. One artifact per corpus, made
/// from all of the corpus's runs, so it is a step of the corpus's first run. With one seed it holds the agreement
/// between methods only.
struct SeedsStep: CorpusArtifactStep {
    var name: String { "seeds" }

    func models(_ context: BuildContext) -> [any CorpusModel] { context.primaryModels }

    func artifact(_ run: CorpusRun, _ context: BuildContext) throws -> URL { try context.seedsFile(run.corpus) }

    func key(_ run: CorpusRun, _ context: BuildContext) throws -> CacheKey { try context.seedsKey(run.corpus) }

    func make(_ model: any CorpusModel, artifact: URL, context: inout BuildContext, progress: ProgressMeter) throws {
        let start = Date()
        let runs = context.runs(of: model.corpus)
        var reports: [ValidationReport] = [], records: [[TraceRecord]] = [], metrics: [[Metric]] = []
        let comparesFaithfulness = model.isJudgedForFaithfulness && runs.count > 1
        var evaluations: [[ExampleEvaluation]] = []
        for run in runs {
            reports.append(try context.report(run))
            records.append(try context.records(run))
            metrics.append(try CorpusModels.make(run).testMetrics(from: try context.modelFolder(run)))
            if comparesFaithfulness {
                evaluations.append(try BuildContext.decodeArtifact([ExampleEvaluation].self,
                                                                    at: try context.faithfulnessExamplesFile(run),
                                                                    what: "faithfulness evaluations", step: "faithfulness"))
            }
        }
        let summary = try SeedSummary.summarise(reports: reports, records: records, metrics: metrics,
                                                evaluations: comparesFaithfulness ? evaluations : nil, seeds: runs.map(\.seed),
                                                lexicons: try context.loadLexicons(),
                                                resamples: context.configuration.validation.bootstrapResamples,
                                                seed: context.configuration.seed, source: artifact.path)
        try ModelCheckpoint.encoder().encode(summary).write(to: artifact, options: .atomic)
        context.seedSummaries[model.corpus.id] = summary
        let figures = summary.comparison?.figures.count ?? 0, pairs = summary.comparison?.pairs.count ?? 0
        progress.advance(by: figures + pairs + summary.agreement.count)
        context.output.write(String(format: "  %@: %d seeds, %d method × layer figures, %d pairs, %d agreements in %.1fs\n",
                                    model.corpus.id, runs.count, figures, pairs, summary.agreement.count,
                                    Date().timeIntervalSince(start)))
    }
}
