// NarrativeCorpusPreset: the narrative corpus of each profile (used by the profiles, `atlas train` and `atlas trace`).
import Core
import Foundation

extension CorpusSettings {
    /// The narrative corpus of a profile: a small window encoder (narratives need one pass per window, and the
    /// sentence-level model is trained first), sized so that training and tracing fit the profile's budget.
    static func emobankNarrative(profile: Profile) -> CorpusSettings {
        let model = profile == .ci
            ? ModelSettings(layers: 2, heads: 4, modelWidth: 32, keyWidth: 8, feedForwardWidth: 32, poolingHidden: 16,
                            classifierHidden: 16)
            : ModelSettings(layers: 2, heads: 4, modelWidth: 64, keyWidth: 16, feedForwardWidth: 64, poolingHidden: 32,
                            classifierHidden: 32)
        var training = TrainingSettings(phrases: false, epochs: profile == .ci ? 4 : 6, batchSize: 32,
                                        learningRate: profile == .ci ? 2e-3 : 1e-3, embeddingLearningRateMultiplier: 1,
                                        warmupSteps: 50)
        training.evaluateEvery = 10_000
        var narrative = NarrativeSettings()
        narrative.recurrentWidth = profile == .ci ? 16 : 32
        narrative.epochs = profile == .ci ? 6 : 12
        return CorpusSettings(id: "narratives", task: .emobankNarrative, model: model, training: training,
                              maxExamples: profile == .ci ? 8 : nil, narrative: narrative)
    }
}
