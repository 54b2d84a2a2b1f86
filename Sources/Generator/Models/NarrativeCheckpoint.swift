// NarrativeCheckpoint: a trained narrative model on disk, beside its sentence-level baseline.
import Core
import Foundation

/// The files of a narrative checkpoint folder:
/// ```
/// model.safetensors   encoder.* (the window encoder) and lstm.*, output.* (F32)
/// config.json         {"narrative": sizes, "valence_shift": …, "valence_scale": …}
/// vocabulary.json     the word list
/// metrics.json        {"task", "report": test CCC per narrative and pooled, Pearson r, RMSE, baselines, history,
///                      "sentence_model": the sentence-level model's metrics per split}
/// sentence/           the sentence-level model, as any `atlas train` checkpoint
/// ```
/// `model.safetensors` is written last, so a folder that has it is complete.
enum NarrativeCheckpoint {
    static let sentenceFolder = "sentence"

    struct Configuration: Codable, Sendable {
        var narrative: NarrativeConfiguration
        var valenceShift: Float
        var valenceScale: Float
        enum CodingKeys: String, CodingKey {
            case narrative, valenceShift = "valence_shift", valenceScale = "valence_scale"
        }
    }

    struct Metrics: Codable, Sendable {
        var task: String
        var report: NarrativeReport
        var sentenceModel: [String: EvaluationResult]
        enum CodingKeys: String, CodingKey { case task, report, sentenceModel = "sentence_model" }
    }

    /// As `ModelCheckpoint.encoder()`, with undefined values (a constant predictor's r, a one-window
    /// narrative's CCC) written as the string "NaN".
    static func encoder() -> JSONEncoder {
        let e = ModelCheckpoint.encoder()
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity",
                                                                nan: "NaN")
        return e
    }

    static func save(_ trained: TrainedNarrative, task: TaskID, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try ModelCheckpoint.save(trained.sentence, task: .emobankValence, to: folder.appendingPathComponent(sentenceFolder))
        let e = encoder()
        let configuration = Configuration(narrative: trained.model.configuration, valenceShift: trained.model.valenceShift,
                                          valenceScale: trained.model.valenceScale)
        try e.encode(configuration).write(to: folder.appendingPathComponent(ModelCheckpoint.configurationFile), options: .atomic)
        try e.encode(trained.vocabulary).write(to: folder.appendingPathComponent(ModelCheckpoint.vocabularyFile), options: .atomic)
        let metrics = Metrics(task: task.rawValue, report: trained.report, sentenceModel: trained.sentence.metrics)
        try e.encode(metrics).write(to: folder.appendingPathComponent(ModelCheckpoint.metricsFile), options: .atomic)
        let weights = Safetensors.encode(trained.model.checkpointTensors, metadata: ["format": "pt", "task": task.rawValue])
        try Data(weights).write(to: folder.appendingPathComponent(ModelCheckpoint.weightsFile), options: .atomic)
    }

    /// Only the metrics (no weights are read).
    static func loadMetrics(from folder: URL) throws -> Metrics {
        try decode(Metrics.self, ModelCheckpoint.metricsFile, in: folder)
    }

    /// Reads a checkpoint back; every tensor is checked by name and shape, the vocabulary against the sizes.
    static func load(from folder: URL) throws -> TrainedNarrative {
        let configuration = try decode(Configuration.self, ModelCheckpoint.configurationFile, in: folder)
        let vocabulary = try decode(Vocabulary.self, ModelCheckpoint.vocabularyFile, in: folder)
        let metrics = try loadMetrics(from: folder)
        guard vocabulary.count == configuration.narrative.encoder.vocabularySize else {
            throw AtlasError(source: folder.appendingPathComponent(ModelCheckpoint.vocabularyFile).path,
                             message: "vocabulary has \(vocabulary.count) words but config.json says \(configuration.narrative.encoder.vocabularySize)")
        }
        let weights = folder.appendingPathComponent(ModelCheckpoint.weightsFile)
        guard let bytes = FileManager.default.contents(atPath: weights.path) else {
            throw AtlasError(source: weights.path, message: "checkpoint file missing",
                             hint: "train the model again with `atlas train` or `atlas build --force train`")
        }
        let contents = try Safetensors.decode(Array(bytes), source: weights.path)
        var model = try NarrativeModel(configuration: configuration.narrative, seed: 0)
        try model.load(contents.tensors, source: weights.path)
        model.valenceShift = configuration.valenceShift
        model.valenceScale = configuration.valenceScale
        let sentence = try ModelCheckpoint.load(from: folder.appendingPathComponent(sentenceFolder))
        return TrainedNarrative(model: model, vocabulary: vocabulary, report: metrics.report, sentence: sentence)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String, in folder: URL) throws -> T {
        let url = folder.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AtlasError(source: url.path, message: "checkpoint file missing",
                             hint: "train the model again with `atlas train` or `atlas build --force train`")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity",
                                                                         negativeInfinity: "-Infinity", nan: "NaN")
        do { return try decoder.decode(type, from: data) } catch {
            throw AtlasError(source: url.path, message: "unreadable: \(error)")
        }
    }
}
