// PretrainedHeadTraining: the train step of a `load:` model — encode the corpus once with the frozen encoder, train the head.
import Core
import Foundation

/// What the train step produces for a `load:` model: the trained head and its metrics per split.
struct TrainedHead: Sendable {
    var head: AttentionPoolingHead
    var metrics: [String: EvaluationResult]
    var history: TrainingHistory
}

enum PretrainedHeadTraining {
    /// Word pieces per sentence, [CLS] and [SEP] included (SST's longest test sentence has fewer).
    static let maxPieces = 128

    /// The `load:` folder of a corpus: an absolute path, or one relative to the current directory.
    static func folder(_ corpus: CorpusSettings) -> URL? {
        corpus.model.load.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL }
    }

    /// The ids of a sentence's words (PTB escapes undone), at most `maxPieces`.
    static func encode(_ example: CorpusExample, tokenizer: WordPieceTokenizer) -> WordPieceEncoding {
        tokenizer.encode(words: example.tokens, maxLength: maxPieces)
    }

    /// The frozen encoder's last hidden states of `examples` with their class labels.
    static func encoded(_ examples: [CorpusExample], model: inout LoadedPretrainedModel) -> [EncodedSentence] {
        let ids = examples.map { encode($0, tokenizer: model.tokenizer).ids }
        let states = model.encoder.lastHiddenStates(ids)
        return zip(states, examples).map { state, example in
            guard case .classIndex(let label) = example.target else { preconditionFailure("class target expected") }
            return EncodedSentence(hidden: state, label: label)
        }
    }

    /// Trains the head on the training sentences (not phrases: one encoder pass per sentence), keeping the epoch
    /// with the best dev accuracy; metrics on train, dev and test. `max_training_examples` subsamples evenly.
    static func train(_ corpus: CorpusSettings, model: inout LoadedPretrainedModel, dataset: TaskDataset, seed: UInt64,
                      threads: Int, output: TerminalOutput) -> TrainedHead {
        var training = dataset.train
        if let cap = corpus.training.maxTrainingExamples, training.count > cap {
            let stride = Double(training.count) / Double(cap)
            training = (0..<cap).map { training[Int(Double($0) * stride)] }
        }
        // The encoder cuts its products over its own threads (OpenBLAS on one), as in the trace step: the states are
        // then the same bytes at any thread count, and so is the head trained on them beside another model.
        setBLASThreads(1)
        model.encoder.threads = threads
        let started = Date()
        output.write("train \(corpus.id): encoding \(training.count + dataset.dev.count + dataset.test.count) sentences "
                     + "with the frozen \(model.folder.lastPathComponent) (\(model.encoder.parameterCount) parameters)\n")
        let train = encoded(training, model: &model), dev = encoded(dataset.dev, model: &model)
        let test = encoded(dataset.test, model: &model)
        var options = HeadTrainingOptions()
        options.seed = seed &+ 1
        if let width = corpus.model.poolingHidden { options.poolingHidden = width }
        let classes = dataset.classNames?.count ?? 2
        let result = AttentionPoolingHead.train(classes: classes, training: train, validation: dev, options: options)
        var history = TrainingHistory()
        history.epochs = result.trainingLoss.count
        history.elapsed = Date().timeIntervalSince(started)
        let metrics = ["train": result.head.evaluate(train), "dev": result.head.evaluate(dev), "test": result.head.evaluate(test)]
        output.write(String(format: "  head: %d epochs, best %d, dev accuracy %.4f\n", result.trainingLoss.count,
                            result.bestEpoch + 1, metrics["dev"]?.accuracy ?? 0))
        return TrainedHead(head: result.head, metrics: metrics, history: history)
    }
}

/// A trained head on disk, beside the metrics file every model folder has: `model.safetensors` (the head's
/// tensors; the encoder stays in its own folder), `head.json` (sizes and the encoder folder), `metrics.json`.
enum HeadCheckpoint {
    static let sizesFile = "head.json"

    struct Sizes: Codable, Equatable {
        var width: Int
        var poolingHidden: Int
        var classes: Int
        var encoder: String

        enum CodingKeys: String, CodingKey {
            case width, classes, encoder
            case poolingHidden = "pooling_hidden"
        }
    }

    static func save(_ trained: TrainedHead, task: TaskID, encoder: URL, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let head = trained.head
        let weights = Safetensors.encode(head.namedTensors, metadata: ["format": "pt", "task": task.rawValue])
        try Data(weights).write(to: folder.appendingPathComponent(ModelCheckpoint.weightsFile), options: .atomic)
        let e = ModelCheckpoint.encoder()
        let sizes = Sizes(width: head.width, poolingHidden: head.poolingHidden, classes: head.classes, encoder: encoder.path)
        try e.encode(sizes).write(to: folder.appendingPathComponent(sizesFile), options: .atomic)
        let metrics = ModelCheckpoint.Metrics(task: task.rawValue, splits: trained.metrics, history: trained.history)
        try e.encode(metrics).write(to: folder.appendingPathComponent(ModelCheckpoint.metricsFile), options: .atomic)
    }

    static func load(from folder: URL) throws -> AttentionPoolingHead {
        let sizesURL = folder.appendingPathComponent(sizesFile), weightsURL = folder.appendingPathComponent(ModelCheckpoint.weightsFile)
        guard let sizesData = FileManager.default.contents(atPath: sizesURL.path),
              let weights = FileManager.default.contents(atPath: weightsURL.path) else {
            throw AtlasError(source: folder.path, message: "head checkpoint missing", hint: "run `atlas build --force train`")
        }
        let sizes = try JSONDecoder().decode(Sizes.self, from: sizesData)
        let contents = try Safetensors.decode(Array(weights), source: weightsURL.path)
        return try AttentionPoolingHead(width: sizes.width, poolingHidden: sizes.poolingHidden, classes: sizes.classes,
                                        tensors: contents.tensors, source: weightsURL.path)
    }
}
