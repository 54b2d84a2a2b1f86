// NarrativeEvaluationTests: pooled and per-narrative CCC, unrated windows, and the baselines.
import Testing
@testable import Core

@Suite struct NarrativeEvaluationTests {
    @Test func perfectPredictionsScoreOne() {
        let gold: [[Double?]] = [[1, 2, 3], [2, nil, 4]]
        let result = NarrativeEvaluation(predictions: [[1, 2, 3], [2, 99, 4]], gold: gold)
        #expect(result.windows == 5 && result.sequences == 2)
        #expect(abs(result.concordance - 1) < 1e-12 && abs(result.pearson - 1) < 1e-12)
        #expect(result.rootMeanSquaredError == 0)
        #expect(result.sequenceConcordances.allSatisfy { abs($0 - 1) < 1e-12 })
        #expect(result.scoredSequences == 2)
    }

    /// Hand-worked: x = (1, 2, 3), y = (2, 3, 4): cov = 2/3, σ² = 2/3 each, (μx − μy)² = 1 → CCC = (4/3)/(7/3) = 4/7.
    /// A one-window narrative has no per-narrative CCC (NaN) and is left out of the mean.
    @Test func workedConcordanceAndSkippedSequences() {
        let result = NarrativeEvaluation(predictions: [[1, 2, 3], [5]], gold: [[2, 3, 4], [5]])
        #expect(abs(result.sequenceConcordances[0] - 4.0 / 7) < 1e-12)
        #expect(result.sequenceConcordances[1].isNaN)
        #expect(result.scoredSequences == 1 && abs(result.meanSequenceConcordance - 4.0 / 7) < 1e-12)
    }

    /// A constant predictor: CCC 0 (no covariance), Pearson r undefined.
    @Test func constantPredictionsHaveZeroConcordanceAndNoCorrelation() {
        let result = NarrativeEvaluation(predictions: [[0.1 + 0.2, 0.1 + 0.2, 0.1 + 0.2]], gold: [[1, 2, 4]])
        #expect(abs(result.concordance) < 1e-12)
        #expect(result.pearson.isNaN)
    }

    @Test func baselines() {
        func sequence(_ genre: String, _ values: [Double?]) -> NarrativeSequence {
            NarrativeSequence(narrative: genre, genre: genre, split: .train, windows: values.map {
                NarrativeWindow(id: "", tokens: ["w"], valence: $0, start: 0, end: 1)
            })
        }
        let training = [sequence("fiction", [2, 4, nil]), sequence("letters", [3, 3])]
        let test = [sequence("fiction", [1, 1]), sequence("essays", [5])]
        #expect(NarrativeBaselines.trainingMean(training: training, for: test) == [[3, 3], [3]])
        #expect(NarrativeBaselines.genreMean(training: training, for: test) == [[3, 3], [3]])
        let letters = [sequence("letters", [1])]
        #expect(NarrativeBaselines.genreMean(training: training, for: letters) == [[3]])
        let fiction = [sequence("fiction", [1])]
        #expect(NarrativeBaselines.genreMean(training: training + [sequence("fiction", [6])], for: fiction) == [[4]])
    }

    /// The sentence-level model's predictions come back in window order, one per window.
    @Test func sentenceModelBaselineKeepsShape() throws {
        var model = try SentimentTransformer(configuration: NarrativeModelTests.encoder, seed: 1)
        let vocabulary = Vocabulary(tokenLists: [["good", "bad", "day"]])
        let sequences = [NarrativeSequence(narrative: "n", genre: "g", split: .test, windows: [
            NarrativeWindow(id: "1", tokens: ["good", "day"], valence: 3, start: 0, end: 1),
            NarrativeWindow(id: "2", tokens: [], valence: 3, start: 1, end: 2),
            NarrativeWindow(id: "3", tokens: ["bad"], valence: 3, start: 2, end: 3),
        ])]
        let predictions = NarrativeBaselines.sentenceModel(&model, vocabulary: vocabulary, for: sequences)
        #expect(predictions.map(\.count) == [3])
        let direct = model.predict([TrainingExample(ids: vocabulary.encode(["bad"]), target: .value(0))])[0][0]
        #expect(abs(predictions[0][2] - Double(direct)) < 1e-6)
    }
}
