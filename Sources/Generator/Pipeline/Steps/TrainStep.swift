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

    /// Each model's training prints its own steps with rate and ETA; after it, one line names the model, its
    /// time and how many are left (the step's meter is not advanced: "1 model, 0.0/s" would say nothing).
    func make(_ model: any CorpusModel, artifact: URL, context: inout BuildContext, progress: ProgressMeter) throws {
        let folder = artifact.deletingLastPathComponent()
        context.output.write("  \(model.corpus.id): training into \(folder.path)\n")
        let start = Date()
        try model.train(into: folder, context: &context)
        let left = try models(context).filter {
            !FileManager.default.fileExists(atPath: try self.artifact($0.corpus, context).path)
        }
        context.output.write("  \(model.corpus.modelName): trained in \(ProgressMeter.duration(Date().timeIntervalSince(start)))"
                             + "; step \(ProgressMeter.duration(progress.elapsed)) so far"
                             + (left.isEmpty ? "\n" : ", \(left.count) to train (\(left.map(\.corpus.id).joined(separator: ", ")))\n"))
    }
}
