// Atlas: the `atlas` command's root. Each subcommand lives in its own file.
import ArgumentParser

@main
struct Atlas: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atlas",
        abstract: "Trace attention in sentiment Transformers and publish the evidence as a static site.",
        discussion: """
            Attention Atlas trains small Transformers on SST and EmoBank, traces their attention \
            layer by layer back to the input words (LAT and baselines), tests the traced words \
            against human emotion lexicons and writes everything to a static website.
            """,
        subcommands: [BuildCommand.self, DataCommand.self, TrainCommand.self, TraceCommand.self, ValidateCommand.self,
                      SlurmCommand.self, KubernetesCommand.self]
    )
}
