// DataStep: loads and verifies every corpus and lexicon the configuration needs.
import Core
import Foundation

struct DataStep: Step {
    var name: String { "data" }

    /// Never skipped: it only verifies and parses, and later steps use what it loads.
    func cacheKey(_ context: BuildContext) throws -> CacheKey? { nil }

    func run(_ context: inout BuildContext, progress: ProgressMeter) throws {
        progress.setTotal(context.configuration.corpora.count + 1)
        for corpus in context.configuration.corpora {
            let dataset = try context.dataset(corpus)
            context.output.write("  \(corpus.id): \(dataset.train.count) / \(dataset.dev.count) / \(dataset.test.count) "
                                 + "sentences" + (dataset.trainingPhrases.isEmpty ? "" : ", \(dataset.trainingPhrases.count) training phrases")
                                 + "\n")
            progress.advance()
        }
        let lexicons = try context.loadLexicons()
        context.output.write("  lexicons: " + lexicons.map { "\($0.name) \($0.count)" }.joined(separator: ", ") + "\n")
        progress.advance()
    }
}
