// TrainStep: trains each corpus's model, or finds it in the cache (keyed by data, sizes, recipe, seed, code).
import Core
import Foundation

struct TrainStep: CorpusArtifactStep {
    var name: String { "train" }

    /// The checkpoint's weights file, written last, marks the model folder complete.
    func artifact(_ run: CorpusRun, _ context: BuildContext) throws -> URL {
        try context.modelFolder(run).appendingPathComponent(ModelCheckpoint.weightsFile)
    }

    func key(_ run: CorpusRun, _ context: BuildContext) throws -> CacheKey { try context.modelKey(run) }

    func reuse(_ model: any CorpusModel, artifact: URL, context: inout BuildContext) {
        context.output.write("  \(model.run.name): cached at \(artifact.deletingLastPathComponent().path)\n")
    }

    /// Each model's training prints its own steps with rate and ETA; after it, one line names the model, its
    /// time and how many are left (the step's meter is not advanced: "1 model, 0.0/s" would say nothing).
    func make(_ model: any CorpusModel, artifact: URL, context: inout BuildContext, progress: ProgressMeter) throws {
        let folder = artifact.deletingLastPathComponent()
        context.output.write("  \(model.run.name): training into \(folder.path)\n")
        let start = Date()
        try model.train(into: folder, context: &context)
        let left = try models(context).filter {
            !FileManager.default.fileExists(atPath: try self.artifact($0.run, context).path)
        }
        context.output.write("  \(model.corpus.modelName), seed \(model.run.seed): trained in \(ProgressMeter.duration(Date().timeIntervalSince(start)))"
                             + "; step \(ProgressMeter.duration(progress.elapsed)) so far"
                             + (left.isEmpty ? "\n" : ", \(left.count) to train (\(left.map(\.run.name).joined(separator: ", ")))\n"))
    }
}
