// HelpTextTests: every command's whole `--help` text against the reviewed copy in Help/ — a changed option, default
// or step list shows up as a diff here, not first in a user's terminal.
import ArgumentParser
import Foundation
import Testing
@testable import Generator

@Suite struct HelpTextTests {
    /// Each command's path below `atlas` and the file its reviewed help text is kept in.
    static let commands: [(file: String, type: any ParsableCommand.Type)] = [
        ("atlas", Atlas.self), ("atlas-build", BuildCommand.self), ("atlas-data", DataCommand.self),
        ("atlas-data-fetch", DataCommand.Fetch.self), ("atlas-data-check", DataCommand.Check.self),
        ("atlas-data-stats", DataCommand.Stats.self), ("atlas-train", TrainCommand.self),
        ("atlas-trace", TraceCommand.self), ("atlas-validate", ValidateCommand.self), ("atlas-slurm", SlurmCommand.self), ("atlas-kubernetes", KubernetesCommand.self),
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Help")

    /// `ATLAS_RECORD_HELP=1 swift test --filter HelpTextTests` rewrites the copies; review them with `git diff`.
    @Test(arguments: commands.map(\.file))
    func helpTextIsTheReviewedOne(_ file: String) throws {
        let type = try #require(Self.commands.first { $0.file == file }?.type)
        // 100 columns: the width is fixed so that the text does not depend on the terminal the tests run in.
        let text = Atlas.helpMessage(for: type, columns: 100) + "\n"
        let url = Self.folder.appendingPathComponent("\(file).txt")
        if ProcessInfo.processInfo.environment["ATLAS_RECORD_HELP"] == "1" {
            try Data(text.utf8).write(to: url, options: .atomic)
        }
        let reviewed = try String(contentsOf: url, encoding: .utf8)
        #expect(text == reviewed, "\(file): help text changed; record with ATLAS_RECORD_HELP=1 and review the diff")
    }

    @Test func theBuildHelpNamesEveryStep() {
        let text = Atlas.helpMessage(for: BuildCommand.self, columns: 100)
        for step in BuildCommand.steps { #expect(text.contains(step.name)) }
        #expect(text.contains("faithfulness"))
    }

    @Test func everySubcommandHasAReviewedCopy() {
        let listed = Set(Self.commands.map { ObjectIdentifier($0.type) })
        for sub in Atlas.configuration.subcommands { #expect(listed.contains(ObjectIdentifier(sub))) }
        for sub in DataCommand.configuration.subcommands { #expect(listed.contains(ObjectIdentifier(sub))) }
    }
}
