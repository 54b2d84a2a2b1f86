// TrainedTransformerModel: a corpus whose Transformer is trained here — the paper's setting, and the one judged for faithfulness.
import Core
import Foundation

struct TrainedTransformerModel: CorpusModel {
    var run: CorpusRun
    /// After a divergence, keep the last checkpoint that passed a dev check (for `atlas train`, whose folder is the
    /// user's). The build leaves nothing: a diverged run is not cached, so the next build trains it again.
    var keepsLastGoodCheckpoint = false

    func train(into folder: URL, context: inout BuildContext) throws {
        let glove = corpus.model.glove == true ? try context.store.loadGloVe() : nil
        // The model splits its products over its own threads; OpenBLAS stays on one so the two never stack.
        setBLASThreads(1)
        var threadsForStep: (@Sendable () -> Int)? = nil
        if let share = context.coreShare { threadsForStep = { share.threads() } }
        let trained = try ModelTraining.train(corpus, dataset: try context.dataset(corpus), seed: run.seed,
                                              threads: context.threads,
                                              threadsForStep: threadsForStep,
                                              glove: glove, output: context.output)
        if keepsLastGoodCheckpoint {
            try ModelTraining.save(trained, task: corpus.task, corpus: corpus.id, to: folder)
        } else {
            if let error = ModelTraining.failureError(trained, corpus: corpus.id, savedTo: nil) { throw error }
            try ModelCheckpoint.save(trained, task: corpus.task, to: folder)
        }
        context.models[run.stem] = trained
        MetricsText.write(trained.metrics, corpus: corpus.id, to: context.output)
    }

    func trace(from folder: URL, context: inout BuildContext, shard: Shard, progress: ProgressMeter) throws
        -> ShardTrace {
        let trained = try context.model(run, from: folder)
        let inputs = Tracing.examples(corpus, dataset: try context.dataset(corpus)).map { example in
            TracingInput(id: example.id, tokens: example.tokens, ids: trained.vocabulary.encode(example.tokens),
                         label: TraceTarget(example.target))
        }
        setBLASThreads(1)
        return Tracer(model: trained.model, options: Tracing.options(corpus, threads: context.threads))
            .trace(inputs, shard: shard, progress: progress)
    }

    var isJudgedForFaithfulness: Bool { true }

    var hasRandomisationControl: Bool { corpus.randomisationExamples > 0 }

    /// The trained model against itself re-initialised block by block from the output down, on the first
    /// `randomisation_examples` traced sentences. The initialisation is the one training started from: the same
    /// seed, and GloVe's rows where the recipe uses them.
    func randomisationControl(from folder: URL, context: inout BuildContext, progress: ProgressMeter) throws
        -> RandomisationControl {
        let trained = try context.model(run, from: folder)
        let initial = try ModelTraining.initialModel(trained.model.configuration, vocabulary: trained.vocabulary,
                                                     glove: corpus.model.glove == true ? try context.store.loadGloVe() : nil,
                                                     seed: run.seed)
        let inputs = Tracing.examples(corpus, dataset: try context.dataset(corpus)).prefix(corpus.randomisationExamples)
            .map { example in
                TracingInput(id: example.id, tokens: example.tokens, ids: trained.vocabulary.encode(example.tokens),
                             label: TraceTarget(example.target))
            }
        setBLASThreads(1)
        return try RandomisationControl.run(trained: trained.model, initial: initial, inputs: inputs,
                                            trainedRecords: try context.records(run),
                                            options: Tracing.options(corpus, threads: context.threads),
                                            lexicons: try context.loadLexicons(), settings: context.configuration.validation,
                                            seed: run.seed, progress: progress)
    }

    func faithfulnessEvaluations(from folder: URL, records: [IndexedRecord], context: inout BuildContext,
                                 progress: ProgressMeter) throws -> [JudgedExample] {
        FaithfulnessEvaluation.evaluate(corpus, records: records, model: try context.model(run, from: folder),
                                   dataset: try context.dataset(corpus), seed: run.seed,
                                   threads: context.threads, progress: progress)
    }

    func siteSection(from folder: URL, context: inout BuildContext) throws -> SiteSection {
        let metrics = try context.models[run.stem]?.metrics ?? ModelCheckpoint.loadMetrics(from: folder)
        return .sentences(CorpusResults(corpus: corpus, dataset: try context.dataset(corpus), metrics: metrics,
                                        records: try context.records(run), report: try context.report(run),
                                        description: Self.description(corpus, traced: try context.records(run).count),
                                        faithfulness: try context.faithfulnessSummary(run)))
    }

    /// The corpus page's account of what was traced and how the model was trained.
    static func description(_ corpus: CorpusSettings, traced count: Int) -> String {
        switch corpus.task {
        case .sst5, .sst2:
            "Stanford Sentiment Treebank, \(corpus.split) split: \(count) sentences traced. The model was trained "
                + (corpus.training.phrases ? "on every distinct labelled phrase of the training trees" : "on the training sentences")
                + "; accuracy is measured on whole sentences."
        case .emobankValence, .emobankNarrative:
            "EmoBank, \(corpus.split) split: \(count) sentences with annotator valence ratings (1–5), traced through "
                + "a valence regression model (the stand-in for the paper's SEND narratives)."
        case .classification, .regression:
            (corpus.data?.description.map { $0 + " " } ?? "")
                + "\(corpus.split.capitalized) split: \(count) sentences traced through a "
                + (corpus.task == .classification
                    ? "classifier of \(corpus.classCount ?? 0) labels (" + (corpus.data?.labels ?? []).joined(separator: ", ") + ")"
                    : "regression model")
                + " trained here on the corpus's training sentences."
        }
    }
}
