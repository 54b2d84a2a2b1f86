// TrainCommandTests: what `atlas train` writes after a divergence, target standardisation, GloVe rows.
import Core
import Foundation
import Testing
@testable import Generator

@Suite struct TrainCommandTests {
    static func diverged(bestStep: Int?) throws -> TrainedModel {
        var trained = try TraceCommandTests.trained(outputs: 5, objective: .classification)
        trained.history.bestStep = bestStep
        trained.history.failure = TrainingFailure(
            step: 42, lastFiniteLoss: 1.25, message: "training diverged at step 42: the loss is nan",
            restored: bestStep.map { "best dev parameters (step \($0))" } ?? "initial parameters")
        return trained
    }

    static func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("atlas-\(name)-\(getpid())")
    }

    /// After a NaN, the best dev parameters are written (the last good checkpoint) and the command still fails,
    /// naming the step and the last finite loss.
    @Test func divergenceWritesTheLastGoodCheckpointAndFails() throws {
        let folder = Self.temporaryFolder("diverged")
        defer { try? FileManager.default.removeItem(at: folder) }
        let trained = try Self.diverged(bestStep: 40)
        #expect(throws: AtlasError(
            source: "train sst5",
            message: "training stopped at step 42: training diverged at step 42: the loss is nan; last finite loss 1.25; "
                + "the last good checkpoint (best dev parameters (step 40)) is in \(folder.path)",
            hint: "lower training.learning_rate or training.clip_norm")) {
            try ModelTraining.save(trained, task: .sst5, corpus: "sst5", to: folder)
        }
        let loaded = try ModelCheckpoint.load(from: folder)
        #expect(loaded.model.parameterValues == trained.model.parameterValues)
        #expect(loaded.history.failure?.step == 42, "metrics.json records the failure")
    }

    /// Without any dev evaluation there is no good checkpoint: nothing is written, the folder keeps what it had.
    @Test func divergenceBeforeAnyEvaluationWritesNothing() throws {
        let folder = Self.temporaryFolder("diverged-early")
        defer { try? FileManager.default.removeItem(at: folder) }
        let previous = try TraceCommandTests.trained(outputs: 5, objective: .classification)
        try ModelCheckpoint.save(previous, task: .sst5, to: folder)
        let before = try Data(contentsOf: folder.appendingPathComponent(ModelCheckpoint.metricsFile))
        #expect(throws: AtlasError.self) {
            try ModelTraining.save(try Self.diverged(bestStep: nil), task: .sst5, corpus: "sst5", to: folder)
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent(ModelCheckpoint.metricsFile)) == before)
        let error = ModelTraining.failureError(try Self.diverged(bestStep: nil), corpus: "sst5", savedTo: nil)
        #expect(error?.message.hasSuffix("; no checkpoint was written") == true, "\(String(describing: error))")
    }

    @Test func regressionTargetsAreStandardisedFromTheTrainingTargets() {
        let (mean, scale) = ModelTraining.standardisation(of: [.value(2), .value(3), .value(4)])
        #expect(mean == 3)
        #expect(abs(scale - Float((2.0 / 3).squareRoot())) < 1e-6)
        #expect(ModelTraining.standardisation(of: [.value(5), .value(5)]) == (5, 1), "no spread: scale 1")
    }

    /// Words GloVe knows get their vectors; the others (and <unk>) a draw at GloVe's scale, never N(0, 1).
    @Test func gloveRowsCoverTheWholeVocabularyAtGloVesScale() {
        let glove = WordEmbeddings(words: ["good", "bad"], dimension: 2, vectors: [0.1, -0.1, 0.2, -0.2])
        let vocabulary = Vocabulary(tokenLists: [["good", "bad", "meh", "meh"]])
        let rows = ModelTraining.gloveRows(glove, vocabulary: vocabulary, seed: 0)
        #expect(rows.count == vocabulary.count - 1, "every row but padding")
        #expect(rows[Int(vocabulary.index(of: "good"))] == [0.1, -0.1])
        #expect(rows[Int(vocabulary.index(of: "bad"))] == [0.2, -0.2])
        let meh = rows[Int(vocabulary.index(of: "meh"))]!
        #expect(meh.allSatisfy { abs($0) < 0.16 * 5 } && meh != [0, 0], "\(meh)")
    }

    /// `glove_words: N` adds GloVe's N most frequent words to the training words; they keep their GloVe vectors.
    @Test func gloveWordsExtendTheVocabulary() throws {
        func example(_ id: String, _ text: String, _ label: Int) -> CorpusExample {
            CorpusExample(id: id, tokens: text.split(separator: " ").map(String.init), target: .classIndex(label))
        }
        let dataset = TaskDataset(task: .sst2, train: [example("a", "a fine film", 1), example("b", "dull", 0)],
                                  dev: [example("c", "the film", 1)], test: [example("d", "so dull", 0)],
                                  trainingPhrases: [])
        let glove = WordEmbeddings(words: ["the", "so", "zebra"], dimension: 2, vectors: [1, 2, 3, 4, 5, 6])
        var corpus = CorpusSettings(id: "sst2", task: .sst2)
        corpus.model = ModelSettings(layers: 1, heads: 1, modelWidth: 4, keyWidth: 2, feedForwardWidth: 4,
                                     poolingHidden: 2, classifierHidden: 2, glove: true, gloveWords: 2)
        corpus.training = TrainingSettings(phrases: false, epochs: 1, batchSize: 2, warmupSteps: 1)
        let trained = try ModelTraining.train(corpus, dataset: dataset, seed: 0, threads: 1, glove: glove,
                                              output: .silent)
        let words = Set(trained.vocabulary.words)
        #expect(words.isSuperset(of: ["a", "fine", "film", "dull", "the", "so"]))
        #expect(!words.contains("zebra"))
        #expect(trained.vocabulary.words.suffix(2) == ["the", "so"], "after the training words, in GloVe's order")
        let row = Int(trained.vocabulary.index(of: "so"))
        let table = try #require(trained.model.parameter(named: "embedding.weight"))
        #expect(Array(table.scalars[row * 2..<row * 2 + 2]) == [3, 4], "never in a training batch: GloVe's vector")
    }

    /// Words that only training phrases have (SST-2: phrases of neutral sentences) are in the vocabulary too.
    @Test func phraseWordsAreInTheVocabulary() throws {
        func example(_ id: String, _ text: String, _ label: Int) -> CorpusExample {
            CorpusExample(id: id, tokens: text.split(separator: " ").map(String.init), target: .classIndex(label))
        }
        let dataset = TaskDataset(task: .sst2, train: [example("a", "a fine film", 1)], dev: [example("c", "film", 1)],
                                  test: [example("d", "dull", 0)],
                                  trainingPhrases: [(["fine"], .classIndex(1)), (["Dull", "plot"], .classIndex(0))])
        var corpus = CorpusSettings(id: "sst2", task: .sst2)
        corpus.model = ModelSettings(layers: 1, heads: 1, modelWidth: 4, keyWidth: 2, feedForwardWidth: 4,
                                     poolingHidden: 2, classifierHidden: 2)
        corpus.training = TrainingSettings(phrases: true, epochs: 1, batchSize: 2, warmupSteps: 1)
        let trained = try ModelTraining.train(corpus, dataset: dataset, seed: 0, threads: 1, glove: nil, output: .silent)
        #expect(Set(trained.vocabulary.words) == ["<pad>", "<unk>", "a", "fine", "film", "dull", "plot"])
    }

    /// `atlas train --task sst2` trains with the SST-5 entry's model and recipe, more regularised, when the site
    /// has no SST-2 corpus; an SST-2 entry of the configuration is used as written.
    @Test func sst2BorrowsTheSST5RecipeWithMoreRegularisation() throws {
        let full = SiteConfiguration(profile: .full)
        let sst2 = try #require(TrainCommand.corpus(for: .sst2, in: full))
        let sst5 = try #require(TrainCommand.corpus(for: .sst5, in: full))
        #expect(sst2.task == .sst2 && sst2.id == "sst2")
        #expect(sst2.model.glove == sst5.model.glove && sst2.model.gloveWords == sst5.model.gloveWords)
        #expect(sst2.model.dropout == 0.2 && sst2.training.wordDropout == 0.1 && sst2.training.weightDecay == 0.01)
        #expect(sst2.training.epochs == 2 && sst2.training.evaluateEvery == 200)
        #expect(sst2.training.phrases && sst2.training.learningRate == sst5.training.learningRate)
        var own = CorpusSettings(id: "binary", task: .sst2)
        own.training.epochs = 1
        var written = SiteConfiguration(profile: .full)
        written.corpora.append(own)
        #expect(TrainCommand.corpus(for: .sst2, in: written) == own)
        #expect(TrainCommand.corpus(for: .emobankValence, in: full)?.id == "emobank")
    }
}
