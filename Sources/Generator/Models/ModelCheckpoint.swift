// ModelCheckpoint: a trained model on disk — model.safetensors, config.json, vocabulary.json, metrics.json.
import Core
import Foundation

/// The files of a checkpoint folder. Python users open `model.safetensors` with the `safetensors` package;
/// `config.json` holds the sizes (snake_case, like Hugging Face configs) and `vocabulary.json` the word list.
enum ModelCheckpoint {
    static let weightsFile = "model.safetensors"
    static let configurationFile = "config.json"
    static let vocabularyFile = "vocabulary.json"
    static let metricsFile = "metrics.json"

    /// What `metrics.json` holds: per-split metrics and the training record.
    struct Metrics: Codable, Sendable {
        var task: String
        var splits: [String: EvaluationResult]
        var history: TrainingHistory
    }

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// Writes the checkpoint into `folder` (created if needed), each file atomically.
    static func save(_ trained: TrainedModel, task: TaskID, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let weights = Safetensors.encode(trained.model.parameters, metadata: ["format": "pt", "task": task.rawValue])
        try Data(weights).write(to: folder.appendingPathComponent(weightsFile), options: .atomic)
        let e = encoder()
        try e.encode(trained.model.configuration).write(to: folder.appendingPathComponent(configurationFile), options: .atomic)
        try e.encode(trained.vocabulary).write(to: folder.appendingPathComponent(vocabularyFile), options: .atomic)
        let metrics = Metrics(task: task.rawValue, splits: trained.metrics, history: trained.history)
        try e.encode(metrics).write(to: folder.appendingPathComponent(metricsFile), options: .atomic)
    }

    /// Only the per-split metrics of a checkpoint (cheap: no weights are read).
    static func loadMetrics(from folder: URL) throws -> [String: EvaluationResult] {
        let url = folder.appendingPathComponent(metricsFile)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AtlasError(source: url.path, message: "checkpoint metrics missing")
        }
        return try JSONDecoder().decode(Metrics.self, from: data).splits
    }

    /// Reads a checkpoint folder back; every tensor is checked by name, shape and dtype.
    static func load(from folder: URL) throws -> TrainedModel {
        func read(_ name: String) throws -> Data {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw AtlasError(source: url.path, message: "checkpoint file missing",
                                 hint: "train the model again with `atlas train` or `atlas build --force train`")
            }
            return data
        }
        func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
            do { return try JSONDecoder().decode(type, from: try read(name)) } catch let error as AtlasError {
                throw error
            } catch {
                throw AtlasError(source: folder.appendingPathComponent(name).path, message: "unreadable: \(error)")
            }
        }
        let configuration = try decode(ModelConfiguration.self, configurationFile)
        let vocabulary = try decode(Vocabulary.self, vocabularyFile)
        let metrics = try decode(Metrics.self, metricsFile)
        guard vocabulary.count == configuration.vocabularySize else {
            throw AtlasError(source: folder.appendingPathComponent(vocabularyFile).path,
                             message: "vocabulary has \(vocabulary.count) words but config.json says \(configuration.vocabularySize)")
        }
        let weightsPath = folder.appendingPathComponent(weightsFile).path
        let contents = try Safetensors.decode(Array(try read(weightsFile)), source: weightsPath)
        var model = try SentimentTransformer(configuration: configuration, seed: 0)
        try model.load(contents.tensors, source: weightsPath)
        return TrainedModel(model: model, vocabulary: vocabulary, history: metrics.history, metrics: metrics.splits)
    }
}

extension ModelCheckpoint {
    /// A checkpoint must have been trained for this task: the same objective and number of outputs.
    static func checkCompatible(_ trained: TrainedModel, corpus: CorpusSettings, folder: URL) throws {
        let c = trained.model.configuration, task = corpus.task
        let expected = corpus.classCount ?? 1
        guard c.outputs == expected, (c.objective == .regression) == task.isRegression else {
            throw AtlasError(source: folder.appendingPathComponent(ModelCheckpoint.configurationFile).path,
                             message: "the checkpoint predicts \(c.outputs) \(c.objective.rawValue) output(s); "
                                 + "task \(task.rawValue) needs \(expected)",
                             hint: "pass --model with a checkpoint trained by `atlas train --task \(task.rawValue)`")
        }
    }
}
