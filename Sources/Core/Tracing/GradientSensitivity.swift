// GradientSensitivity: gradient sensitivity, the L2 norm of ∂y/∂e_i for each token.

/// Gradient sensitivity: score_i = ‖∂y/∂e_i‖₂ = sqrt(Σ_d g_{i,d}²).
///
/// Reference: Simonyan, Vedaldi & Zisserman 2014 (saliency maps); Li et al. 2016 for text.
public struct GradientSensitivity: Sendable {
    public var id: MethodID { .gradientSensitivity }

    public init() {}

    /// Scores from the gradient at the input, n × D flat (one evaluation of the model).
    public func attribute(gradients: [Float], tokens n: Int, dimension d: Int) -> Attribution {
        precondition(gradients.count == n * d, "gradients: expected n·D = \(n)·\(d), got \(gradients.count)")
        var scores = [Float](repeating: 0, count: n)
        gradients.withUnsafeBufferPointer { g in
            for i in 0..<n {
                var sum: Float = 0
                for k in (i * d)..<((i + 1) * d) { sum += g[k] * g[k] }
                scores[i] = sum.squareRoot()
            }
        }
        return Attribution(scores: scores)
    }

    /// Calls `function` once at the input (S = 1) and scores the tokens.
    public func attribute(embeddings: [Float], tokens n: Int, dimension d: Int,
                          using function: GradientFunction) -> Attribution {
        let result = function(embeddings)
        checkGradientShapes(result, points: 1, tokens: n, dimension: d)
        return attribute(gradients: result.gradients, tokens: n, dimension: d)
    }
}
