// NarrativeCommandTests: `atlas train --task emobank-narrative` parses, `--send` is tied to it, configuration decodes.
import ArgumentParser
import Core
import Foundation
import Testing
import Yams
@testable import Generator

@Suite struct NarrativeCommandTests {
    @Test func theNarrativeTaskParses() throws {
        let command = try TrainCommand.parse(["--task", "emobank-narrative", "--send", "/data/send", "--window-seconds", "2.5"])
        #expect(command.task == .emobankNarrative)
        #expect(command.task.isNarrative && command.task.isRegression)
        #expect(command.send == "/data/send")
        #expect(command.windowSeconds == 2.5)
        #expect(try TrainCommand.parse(["--task", "emobank-valence"]).task.isNarrative == false)
    }

    @Test func sendNeedsTheNarrativeTaskAndUnknownTasksAreRefused() {
        #expect(throws: (any Error).self) { try TrainCommand.parse(["--task", "sst5", "--send", "/data/send"]) }
        #expect(throws: (any Error).self) { try TrainCommand.parse(["--task", "emobank-narratives"]) }
        #expect(throws: (any Error).self) { try TrainCommand.parse(["--task", "emobank-narrative", "--window-seconds", "0"]) }
    }

    @Test func narrativeSettingsDecodeAndRejectUnknownFields() throws {
        let yaml = """
            corpora:
              - id: n
                task: emobank-narrative
                narrative: {epochs: 3, recurrent_width: 8, max_windows: 10}
            """
        let configuration = try YAMLDecoder().decode(SiteConfiguration.self, from: yaml)
        let narrative = try #require(configuration.corpora[0].narrative)
        #expect(configuration.corpora[0].task == .emobankNarrative)
        #expect(narrative.epochs == 3 && narrative.recurrentWidth == 8 && narrative.maxWindows == 10)
        #expect(narrative.batchSize == NarrativeSettings().batchSize)
        #expect(throws: (any Error).self) {
            _ = try YAMLDecoder().decode(SiteConfiguration.self, from: yaml.replacingOccurrences(of: "epochs: 3", with: "epoch: 3"))
        }
        #expect(throws: AtlasError(source: "s.yml", line: 4, column: 17, message: "corpora[0].narrative.epochs: must be at least 1",
                                   excerpt: "    narrative: {epochs: 0, recurrent_width: 8, max_windows: 10}")) {
            _ = try SiteConfiguration.parse(yaml: yaml.replacingOccurrences(of: "epochs: 3", with: "epochs: 0"), source: "s.yml")
        }
        #expect(throws: AtlasError.self) {
            _ = try SiteConfiguration.parse(yaml: yaml.replacingOccurrences(of: "emobank-narrative", with: "sst5"), source: "s.yml")
        }
        #expect(SiteConfiguration(profile: .ci).corpora.filter(\.task.isNarrative).map(\.id) == ["narratives"])
    }

    @Test func aSENDFolderNeedsTrainAndTestButNotDev() throws {
        let folder = try DataTestSupport.temporaryFolder()
        for split in ["train", "test"] {
            try DataTestSupport.write("time\tword\n0.5\tgood\n6\tday\n", to: folder.appendingPathComponent("\(split)/v/transcript.tsv"))
            try DataTestSupport.write("time,evaluatorWeightedEstimate\n0,0.5\n5.5,0.25\n", to: folder.appendingPathComponent("\(split)/v/ratings.csv"))
        }
        let sequences = try NarrativeData.send(folder, maxWindows: 8)
        #expect(sequences.map(\.split) == [.train, .test])
        #expect(sequences[0].windows.map(\.tokens) == [["good"], ["day"]])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("train"))
        #expect(throws: AtlasError.self) { _ = try NarrativeData.send(folder, maxWindows: 8) }
    }
}
