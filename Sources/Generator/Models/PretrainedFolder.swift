// PretrainedFolder: reads a Hugging Face BERT-family folder (config.json, model.safetensors, tokenizer.json) into Core values.
import Core
import Foundation

/// A pretrained model as loaded from disk: its configuration, tokeniser and frozen encoder.
struct LoadedPretrainedModel: Sendable {
    var folder: URL
    var configuration: BertConfiguration
    var tokenizer: WordPieceTokenizer
    var encoder: BertEncoder
    /// The dtypes the weights were stored in, when not all F32 (they were widened to F32 on loading).
    var convertedTypes: [String]
}

/// A folder holding a Hugging Face BERT-family model (the target of a `load: PATH` model entry).
struct PretrainedFolder: Sendable {
    static let requiredFiles = ["config.json", "model.safetensors", "tokenizer.json"]

    let url: URL

    /// Refuses a folder that lacks any of `requiredFiles`, naming every missing one.
    init(url: URL) throws {
        let missing = Self.requiredFiles.filter {
            !FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path)
        }
        guard missing.isEmpty else {
            throw AtlasError(source: url.path, message: "not a pretrained model folder: missing \(missing.joined(separator: ", "))",
                             hint: "a `load:` model needs a Hugging Face BERT-family folder with "
                                 + Self.requiredFiles.joined(separator: ", ") + " (for MiniLM: atlas data fetch --minilm)")
        }
        self.url = url
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    func loadConfiguration() throws -> BertConfiguration {
        try BertConfiguration.decode(Data(contentsOf: file("config.json")), source: file("config.json").path)
    }

    func loadTokenizer() throws -> WordPieceTokenizer {
        try WordPieceTokenizer(tokenizerJSON: Data(contentsOf: file("tokenizer.json")), source: file("tokenizer.json").path)
    }

    /// Configuration, tokeniser and encoder; every tensor is checked against the configuration.
    func load() throws -> LoadedPretrainedModel {
        let configuration = try loadConfiguration()
        let tokenizer = try loadTokenizer()
        guard tokenizer.pieces.count == configuration.vocabularySize else {
            throw AtlasError(source: file("tokenizer.json").path,
                             message: "the tokenizer has \(tokenizer.pieces.count) pieces but config.json says vocab_size \(configuration.vocabularySize)",
                             hint: "tokenizer.json and config.json must come from the same model")
        }
        let weights = file("model.safetensors")
        let checkpoint = try Safetensors.decode([UInt8](Data(contentsOf: weights, options: .alwaysMapped)),
                                                source: weights.path)
        let encoder = try BertEncoder(configuration: configuration, checkpoint: checkpoint, source: weights.path)
        let converted = Set(checkpoint.storedTypes.values).subtracting([.f32]).map(\.rawValue).sorted()
        return LoadedPretrainedModel(folder: url, configuration: configuration, tokenizer: tokenizer, encoder: encoder,
                                     convertedTypes: converted)
    }
}
