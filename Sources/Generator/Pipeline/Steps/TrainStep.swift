// TrainStep: trains each corpus's model, or finds it in the cache (keyed by data, sizes, recipe, seed, code).
import Core
import Foundation

struct TrainStep: Step {
    var name: String { "train" }

    /// Unchanged when every model's checkpoint exists under its key.
    func cacheKey(_ context: BuildContext) throws -> CacheKey? {
        try context.artifactsKey(file: { try context.modelFolder($0).appendingPathComponent(ModelCheckpoint.weightsFile) },
                                 key: context.modelKey)
    }

    func run(_ context: inout BuildContext, progress: ProgressMeter) throws {
        let isForced = context.isForced(name)
        for corpus in context.configuration.corpora {
            let folder = try context.modelFolder(corpus)
            let exists = FileManager.default.fileExists(atPath: folder.appendingPathComponent(ModelCheckpoint.weightsFile).path)
            if exists && !isForced {
                context.output.write("  \(corpus.id): cached at \(folder.path)\n")
                continue
            }
            context.output.write("  \(corpus.id): training into \(folder.path)\n")
            if corpus.task.isNarrative {
                try NarrativeStage.train(corpus, into: folder, context: &context)
                progress.advance()
                continue
            }
            if corpus.model.load != nil {
                try PretrainedHeadTraining.run(corpus, context: &context, into: folder)
                progress.advance()
                continue
            }
            let dataset = try context.dataset(corpus)
            let glove = corpus.model.glove == true ? try context.store.loadGloVe() : nil
            setBLASThreads(1)
            let trained = try ModelTraining.train(corpus, dataset: dataset, seed: context.configuration.seed,
                                                  threads: context.threads, glove: glove, output: context.output)
            // A diverged run is not cached: the next build trains it again.
            if let error = ModelTraining.failureError(trained, corpus: corpus.id, savedTo: nil) { throw error }
            try ModelCheckpoint.save(trained, task: corpus.task, to: folder)
            context.models[corpus.id] = trained
            if let test = trained.metrics["test"] {
                context.output.write("  \(corpus.id) test: \(MetricsText.describe(test))\n")
            }
            progress.advance()
        }
    }
}
