// ControlsStep: the model-randomisation control of every corpus whose model is trained here; JSON in the cache.
import Core
import Foundation

/// After validate (it compares with the trained model's traces) and before seeds. The first seed only: the
/// control asks whether a method's agreement with the lexicon needs the trained weights, which one model answers.
struct ControlsStep: CorpusArtifactStep {
    var name: String { "controls" }

    func models(_ context: BuildContext) -> [any CorpusModel] { context.primaryModels.filter(\.hasRandomisationControl) }

    func artifact(_ run: CorpusRun, _ context: BuildContext) throws -> URL { try context.controlFile(run) }

    func key(_ run: CorpusRun, _ context: BuildContext) throws -> CacheKey { try context.controlKey(run) }

    func make(_ model: any CorpusModel, artifact: URL, context: inout BuildContext, progress: ProgressMeter) throws {
        let start = Date()
        let control = try model.randomisationControl(from: try context.modelFolder(model.run), context: &context,
                                                     progress: progress)
        try ModelCheckpoint.encoder().encode(control).write(to: artifact, options: .atomic)
        context.controls[model.corpus.id] = control
        let surviving = control.methods.filter(\.survivesRandomisation).map(\.method)
        context.output.write(String(format: "  %@: %d sentences through %d re-initialised models in %.1fs; ", model.run.name,
                                    control.examples, control.steps.count - 1, Date().timeIntervalSince(start))
                             + (surviving.isEmpty ? "no method's lexicon agreement survives full randomisation\n"
                                : "survives full randomisation: \(surviving.joined(separator: ", "))\n"))
    }
}
