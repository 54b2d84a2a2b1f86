// DataStep: loads and verifies every corpus and lexicon the configuration needs.
import Core
import Foundation

struct DataStep: Step {
    var name: String { "data" }

    /// Unchanged when the manifest (which holds every file's SHA-256) and the corpora asked for are: later steps
    /// then load only what they need, lazily, so that an unchanged rebuild reads almost nothing.
    func cacheKey(_ context: BuildContext) throws -> CacheKey? {
        var b = CacheKey.Builder()
        b.add("data", try context.dataKey())
        for corpus in context.configuration.corpora {
            b.add(corpus.id, "\(corpus.task.rawValue)/\(corpus.training.phrases)/glove=\(corpus.model.glove == true)")
            if let data = corpus.data { b.add("\(corpus.id).files", try context.userDataKey(data)) }
        }
        return b.build()
    }

    func run(_ context: inout BuildContext, progress: ProgressMeter) throws {
        let needsGloVe = context.configuration.corpora.contains { $0.model.glove == true }
        progress.setTotal(context.configuration.corpora.count + 1 + (needsGloVe ? 1 : 0))
        for corpus in context.configuration.corpora {
            let dataset = try context.dataset(corpus)
            context.output.write("  \(corpus.id): \(dataset.train.count) / \(dataset.dev.count) / \(dataset.test.count) "
                                 + "sentences" + (dataset.trainingPhrases.isEmpty ? "" : ", \(dataset.trainingPhrases.count) training phrases")
                                 + "\n")
            progress.advance()
        }
        if needsGloVe {
            // Checked here, before any training, so that a missing `atlas data fetch --glove` fails at once.
            let glove = try context.store.loadGloVe()
            context.output.write("  GloVe: \(glove.words.count) words × \(glove.dimension)\n")
            progress.advance()
        }
        let lexicons = try context.loadLexicons()
        context.output.write("  lexicons: " + lexicons.map { "\($0.name) \($0.count)" }.joined(separator: ", ") + "\n")
        progress.advance()
    }
}
