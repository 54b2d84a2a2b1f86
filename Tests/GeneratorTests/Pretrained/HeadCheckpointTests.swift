// HeadCheckpointTests: a load: model's head is saved beside its metrics and read back exactly; an incomplete
// folder is refused with every missing file named.
import Core
import Foundation
import Testing
@testable import Generator

@Suite struct HeadCheckpointTests {
    @Test func headRoundTripsThroughItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-head-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = AttentionPoolingHead(width: 6, poolingHidden: 4, classes: 5, seed: 2)
        let result = try JSONDecoder().decode(EvaluationResult.self, from: Data(#"{"examples": 3, "loss": 1.5, "accuracy": 0.5}"#.utf8))
        let trained = TrainedHead(head: head, metrics: ["test": result], history: TrainingHistory())
        try HeadCheckpoint.save(trained, task: .sst5, encoder: URL(fileURLWithPath: "/models/minilm"), to: folder)
        let loaded = try HeadCheckpoint.load(from: folder)
        #expect(loaded.parameters == head.parameters)
        #expect(loaded.classes == 5 && loaded.poolingHidden == 4 && loaded.width == 6)
        #expect(try ModelCheckpoint.loadMetrics(from: folder)["test"]?.accuracy == 0.5)
    }

    @Test func incompleteFolderIsRefusedNamingWhatIsMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{}".utf8).write(to: folder.appendingPathComponent("config.json"))
        var corpus = CorpusSettings(id: "x", task: .sst5)
        corpus.model.load = folder.path
        #expect(PretrainedHeadTraining.folder(corpus)?.path == folder.standardizedFileURL.path)
        #expect {
            _ = try PretrainedFolder(url: PretrainedHeadTraining.folder(corpus)!)
        } throws: { error in
            (error as? AtlasError)?.message == "not a pretrained model folder: missing model.safetensors, tokenizer.json"
        }
    }

    @Test func miniLMIsASecondModelOfSST5() {
        let full = CorpusSettings.miniLM(profile: .full), ci = CorpusSettings.miniLM(profile: .ci)
        #expect(full.task == .sst5 && full.split == "test" && full.model.load == CorpusSettings.miniLMFolder)
        #expect(full.maxExamples == nil && ci.maxExamples == 40)
        #expect(full.modelName == "SST-5 · pretrained all-minilm-l6-v2")
        #expect(CorpusSettings(id: "a", task: .sst5).modelName == TaskID.sst5.displayName)
    }
}
