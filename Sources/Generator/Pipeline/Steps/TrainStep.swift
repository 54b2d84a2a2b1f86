// TrainStep: trains each corpus's model, or finds it in the cache (keyed by data, sizes, recipe, seed, code).
import Core
import Foundation

struct TrainStep: CorpusArtifactStep {
    var name: String { "train" }

    /// The checkpoint's weights file, written last, marks the model folder complete.
    func artifact(_ corpus: CorpusSettings, _ context: BuildContext) throws -> URL {
        try context.modelFolder(corpus).appendingPathComponent(ModelCheckpoint.weightsFile)
    }

    func key(_ corpus: CorpusSettings, _ context: BuildContext) throws -> CacheKey { try context.modelKey(corpus) }

    func reuse(_ model: any CorpusModel, artifact: URL, context: inout BuildContext) {
        context.output.write("  \(model.corpus.id): cached at \(artifact.deletingLastPathComponent().path)\n")
    }

    func make(_ model: any CorpusModel, artifact: URL, context: inout BuildContext, progress: ProgressMeter) throws {
        let folder = artifact.deletingLastPathComponent()
        context.output.write("  \(model.corpus.id): training into \(folder.path)\n")
        try model.train(into: folder, context: &context)
        progress.advance()
    }
}
