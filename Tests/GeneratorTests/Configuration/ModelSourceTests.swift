// ModelSourceTests: `model:` as sizes, `train: {sizes}` or `load: PATH`, with misuse reported at its line.
import Core
import Testing
@testable import Generator

@Suite struct ModelSourceTests {
    static func corpus(_ model: String, task: String = "sst5") throws -> CorpusSettings {
        try SiteConfiguration.parse(yaml: "corpora:\n  - id: a\n    task: \(task)\n    model:\n\(model)", source: "site.yml")
            .corpora[0]
    }

    @Test func trainIsTheSizesForm() throws {
        let nested = try Self.corpus("      train:\n        layers: 2\n        heads: 4\n")
        let flat = try Self.corpus("      layers: 2\n      heads: 4\n")
        #expect(nested.model == flat.model)
        #expect(nested.model.layers == 2 && nested.model.load == nil)
        #expect(try Self.corpus("      train: {}\n").model == ModelSettings())
    }

    @Test func loadTakesAPathAndTheHeadWidth() throws {
        let model = try Self.corpus("      load: models/minilm\n      pooling_hidden: 64\n").model
        #expect(model.load == "models/minilm")
        #expect(model.poolingHidden == 64)
        #expect(model.layers == nil)
    }

    @Test(arguments: [
        ("      load: m\n      layers: 2\n", 6, "corpora[0].model.layers: a loaded model's architecture comes from its config.json"),
        ("      load: m\n      train: {layers: 2}\n", 5, "corpora[0].model.load: use either train: or load:, not both"),
        ("      train: {layers: 2}\n      heads: 3\n", 6, "corpora[0].model.heads: the sizes of a trained model go inside train:"),
        ("      train:\n        layers: 2\n        laers: 3\n", 7, "corpora[0].model.train.laers: unknown field"),
    ])
    func misuseIsNamedWithItsLine(model: String, line: Int, prefix: String) {
        #expect {
            _ = try Self.corpus(model)
        } throws: { error in
            guard let error = error as? AtlasError else { return false }
            return error.line == line && error.message.hasPrefix(prefix)
        }
    }

    @Test func loadNeedsAClassificationTask() {
        #expect(throws: AtlasError(source: "site.yml", line: 6, column: 7, message: "corpora[0].model.load: the head trained on a loaded "
                                   + "encoder is a classifier; use task sst5, sst2 or classification", excerpt: "      load: m")) {
            _ = try Self.corpus("      load: m\n", task: "emobank-valence\n    training: {phrases: false}")
        }
    }
}
