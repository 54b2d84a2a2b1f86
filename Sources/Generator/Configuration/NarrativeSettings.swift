// NarrativeSettings: the narrative task's LSTM, sequence length and schedule (corpus field `narrative:`).
import Core

/// How the narrative model is made and trained. The window encoder's sizes come from the corpus's `model:`
/// and the sentence-level model (the baseline, and the encoder's starting point) is trained with its
/// `training:` recipe on the training narratives' windows; these fields drive the LSTM stage.
struct NarrativeSettings: Codable, Equatable, Sendable {
    /// LSTM hidden width.
    var recurrentWidth = 64
    /// Longest sequence of windows; longer narratives are cut into consecutive chunks.
    var maxWindows = 32
    /// Passes over the training narratives.
    var epochs = 20
    /// Narratives per batch.
    var batchSize = 8
    var learningRate = 1e-3
    var warmupSteps = 20
    /// Start the narrative encoder from the sentence-level model (otherwise from random weights).
    var initializeEncoder = true
    /// Use only the first N training narratives (tests); nil = all.
    var maxTrainingNarratives: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case epochs
        case recurrentWidth = "recurrent_width", maxWindows = "max_windows", batchSize = "batch_size"
        case learningRate = "learning_rate", warmupSteps = "warmup_steps", initializeEncoder = "initialize_encoder"
        case maxTrainingNarratives = "max_training_narratives"
    }

    init() {}

    init(from decoder: Decoder) throws {
        try rejectUnknownKeys(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = NarrativeSettings()
        recurrentWidth = try c.value(.recurrentWidth, or: d.recurrentWidth)
        maxWindows = try c.value(.maxWindows, or: d.maxWindows)
        epochs = try c.value(.epochs, or: d.epochs)
        batchSize = try c.value(.batchSize, or: d.batchSize)
        learningRate = try c.value(.learningRate, or: d.learningRate)
        warmupSteps = try c.value(.warmupSteps, or: d.warmupSteps)
        initializeEncoder = try c.value(.initializeEncoder, or: d.initializeEncoder)
        maxTrainingNarratives = try c.decodeIfPresent(Int.self, forKey: .maxTrainingNarratives)
    }

    /// The first out-of-range field (".epochs", …) and what is wrong, or nil; `narrative:` belongs to the
    /// narrative task only.
    func problem(task: TaskID) -> (field: String, message: String)? {
        if !task.isNarrative { return ("", "only the task emobank-narrative takes narrative settings") }
        if recurrentWidth < 1 { return (".recurrent_width", "must be at least 1") }
        if maxWindows < 1 { return (".max_windows", "must be at least 1") }
        if epochs < 1 { return (".epochs", "must be at least 1") }
        if batchSize < 1 { return (".batch_size", "must be at least 1") }
        if !(learningRate > 0) { return (".learning_rate", "must be positive") }
        if warmupSteps < 0 { return (".warmup_steps", "must be at least 0") }
        if let n = maxTrainingNarratives, n < 1 { return (".max_training_narratives", "must be at least 1") }
        return nil
    }

    /// The trainer's options.
    func options(seed: UInt64, threads: Int) -> NarrativeTrainingOptions {
        var o = NarrativeTrainingOptions()
        o.learningRate = Float(learningRate)
        o.batchSize = batchSize
        o.warmupSteps = warmupSteps
        o.epochs = epochs
        o.seed = seed
        o.threads = threads
        return o
    }
}
