// MetricsTests: worked examples for accuracy, macro-F1, confusion matrix, Pearson r, CCC and RMSE.
import Testing
@testable import Core

@Suite struct MetricsTests {
    /// gold [0,0,1,1,2], predicted [0,1,1,1,0]: accuracy 3/5; F1 per class 2/3·… worked below.
    @Test func classification() {
        let gold = [0, 0, 1, 1, 2], predicted = [0, 1, 1, 1, 0]
        #expect(Metrics.accuracy(predicted: predicted, gold: gold) == 0.6)
        #expect(Metrics.confusionMatrix(predicted: predicted, gold: gold, classes: 3) == [[1, 1, 0], [0, 2, 0], [1, 0, 0]])
        // class 0: tp 1, predicted 2, gold 2 → 0.5; class 1: tp 2, predicted 3, gold 2 → 0.8; class 2: 0.
        #expect(abs(Metrics.macroF1(predicted: predicted, gold: gold, classes: 3) - 1.3 / 3) < 1e-12)
    }

    /// x = [1,2,3], y = [2,4,7]: r = 0.9933 (scipy.stats.pearsonr), CCC with population moments:
    /// cov = 2.5·(2/3)=5/3, var x = 2/3, var y = 14/3·… computed by hand below; RMSE = √((1+4+16)/3).
    @Test func regression() {
        let x = [1.0, 2, 3], y = [2.0, 4, 7]
        #expect(abs(Metrics.pearson(x, y) - 0.9933992677987828) < 1e-12)
        // means 2 and 13/3; var x = 2/3, var y = 38/9, cov = 5/3 → CCC = (10/3)/(2/3 + 38/9 + 49/9) = 30/93
        #expect(abs(Metrics.concordance(x, y) - 30.0 / 93) < 1e-12)
        #expect(abs(Metrics.rootMeanSquaredError(x, y) - (21.0 / 3).squareRoot()) < 1e-12)
        #expect(Metrics.concordance(x, x) == 1)
    }
}
