// PublishedFigures: the paper's own regression figures, shown beside ours on the corpus pages.

/// Wu, Nguyen & Ong (BlackboxNLP 2020), the LAT paper, in its authors' own analysis: the R output in their
/// repository (`code/exp_examples/analysis.html`) regresses a word type's mean LAT score on its
/// Warriner valence with a second-degree orthogonal polynomial over the word types seen more than once
/// (`../shared/RESEARCH.md`, "Published numbers to compare against"). Kept as the text printed there.
struct PublishedFigures: Sendable {
    var wordTypes: String
    var linearT: String
    var quadraticT: String
    var rSquared: String

    /// The SST row (sentences of the Stanford Sentiment Treebank).
    static let sst = PublishedFigures(wordTypes: "2,338", linearT: "−9.71", quadraticT: "7.24", rSquared: "0.059")
    /// The SEND row: the paper's narratives, for which EmoBank stands in here.
    static let send = PublishedFigures(wordTypes: "665 (SEND)", linearT: "−2.60", quadraticT: "6.03", rSquared: "0.061")

    /// The row a corpus is compared with: SST for the treebank's tasks, SEND for the valence tasks, none for a user's.
    static func row(for task: TaskID) -> PublishedFigures? {
        switch task {
        case .sst5, .sst2: sst
        case .emobankValence, .emobankNarrative: send
        case .classification, .regression: nil   // the paper has no figures for the user's corpus
        }
    }
}
