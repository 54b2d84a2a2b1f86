// Tests for gradient sensitivity and gradient × input on a linear function, where both have closed forms.

import Testing
@testable import Core

@Suite struct GradientSensitivityTests {
    /// y = Σ_{i,d} w_{i,d} e_{i,d} + b: ∂y/∂e = w at every point.
    static func linear(_ w: [Float], bias: Float) -> GradientFunction {
        { embeddings in
            let size = w.count, points = embeddings.count / size
            let outputs = (0..<points).map { s in
                (0..<size).reduce(bias) { $0 + w[$1] * embeddings[s * size + $1] }
            }
            return (outputs, (0..<points).flatMap { _ in w })
        }
    }

    /// n = 2, D = 2, w = [[3, 4], [1, -1]], e = [[1, 2], [0.5, 2]]:
    /// ‖w_0‖ = 5, ‖w_1‖ = √2; gradient × input: 3·1 + 4·2 = 11 and 1·0.5 − 1·2 = −1.5.
    @Test func closedFormsOnLinearFunction() {
        let w: [Float] = [3, 4, 1, -1], e: [Float] = [1, 2, 0.5, 2]
        let saliency = GradientSensitivity().attribute(embeddings: e, tokens: 2, dimension: 2, using: Self.linear(w, bias: 7))
        expectClose(saliency.scores, [5, 2.0.squareRoot()], "saliency")
        let timesInput = GradientTimesInput().attribute(embeddings: e, tokens: 2, dimension: 2,
                                                        using: Self.linear(w, bias: 7))
        expectClose(timesInput.scores, [11, -1.5], "gradient × input")
    }
}
