import Core
import Foundation
import Testing
@testable import Generator

@Suite struct TraceCommandTests {
    static func trained(outputs: Int, objective: Objective) throws -> TrainedModel {
        let c = ModelConfiguration(vocabularySize: 5, modelWidth: 8, layers: 1, heads: 2, keyWidth: 4, valueWidth: 4,
                                   feedForwardWidth: 4, poolingHidden: 4, classifierHidden: 4, outputs: outputs,
                                   objective: objective)
        return TrainedModel(model: try SentimentTransformer(configuration: c, seed: 1),
                            vocabulary: Vocabulary(tokenLists: [["a", "b", "c"]]), history: TrainingHistory(), metrics: [:])
    }

    @Test func aCheckpointForAnotherTaskIsRefusedUpFront() throws {
        let folder = URL(fileURLWithPath: "/tmp/ckpt")
        let sst5 = try Self.trained(outputs: 5, objective: .classification)
        #expect(throws: Never.self) { try ModelCheckpoint.checkCompatible(sst5, corpus: CorpusSettings(id: "c", task: .sst5), folder: folder) }
        #expect(throws: AtlasError(source: "/tmp/ckpt/config.json",
                                   message: "the checkpoint predicts 5 classification output(s); task emobank-valence needs 1",
                                   hint: "pass --model with a checkpoint trained by `atlas train --task emobank-valence`")) {
            try ModelCheckpoint.checkCompatible(sst5, corpus: CorpusSettings(id: "c", task: .emobankValence), folder: folder)
        }
        #expect(throws: AtlasError.self) { try ModelCheckpoint.checkCompatible(sst5, corpus: CorpusSettings(id: "c", task: .sst2), folder: folder) }
        // A user corpus: as many outputs as it declares labels.
        var three = CorpusSettings(id: "c", task: .classification)
        three.data = UserCorpusSettings(format: .csv, files: ["train": "t.csv", "test": "t.csv"], labels: ["a", "b", "c"])
        #expect(throws: AtlasError.self) { try ModelCheckpoint.checkCompatible(sst5, corpus: three, folder: folder) }
        three.data?.labels = ["a", "b", "c", "d", "e"]
        #expect(throws: Never.self) { try ModelCheckpoint.checkCompatible(sst5, corpus: three, folder: folder) }
    }

    /// A checkpoint written to disk reads back with the same weights, configuration and vocabulary.
    @Test func checkpointRoundTrip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-ckpt-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try Self.trained(outputs: 1, objective: .regression)
        try ModelCheckpoint.save(original, task: .emobankValence, to: folder)
        let loaded = try ModelCheckpoint.load(from: folder)
        #expect(loaded.model.parameterValues == original.model.parameterValues)
        #expect(loaded.model.configuration == original.model.configuration)
        #expect(loaded.vocabulary == original.vocabulary)
    }
}
