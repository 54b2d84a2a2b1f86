// GradientTimesInput: gradient × input, Σ_d e_{i,d} · ∂y/∂e_{i,d} for each token.

/// Gradient × input: score_i = Σ_d e_{i,d} · g_{i,d} (signed). For a linear y = Σ w·e + b it is
/// exactly each token's share of y − b.
///
/// Reference: Shrikumar et al. 2017, "Not Just a Black Box" (arXiv:1605.01713).
public struct GradientTimesInput: Sendable {
    public var id: MethodID { .gradientTimesInput }

    public init() {}

    /// Scores from the embeddings (n × D) and the gradient at them (n × D).
    public func attribute(embeddings: [Float], gradients: [Float], tokens n: Int, dimension d: Int) -> Attribution {
        precondition(embeddings.count == n * d && gradients.count == n * d,
                     "gradient × input: expected n·D = \(n)·\(d) embeddings and gradients, got \(embeddings.count) and \(gradients.count)")
        return Attribution(scores: rowDotProducts(embeddings, gradients, rows: n, width: d))
    }

    /// Calls `function` once at the input (S = 1) and scores the tokens.
    public func attribute(embeddings: [Float], tokens n: Int, dimension d: Int,
                          using function: GradientFunction) -> Attribution {
        let result = function(embeddings)
        checkGradientShapes(result, points: 1, tokens: n, dimension: d)
        return attribute(embeddings: embeddings, gradients: result.gradients, tokens: n, dimension: d)
    }
}

/// out_i = Σ_d a[i, d] · b[i, d] for two row-major rows × width matrices.
func rowDotProducts(_ a: [Float], _ b: [Float], rows: Int, width: Int) -> [Float] {
    var out = [Float](repeating: 0, count: rows)
    a.withUnsafeBufferPointer { x in
        b.withUnsafeBufferPointer { y in
            for i in 0..<rows {
                var sum: Float = 0
                for k in (i * width)..<((i + 1) * width) { sum += x[k] * y[k] }
                out[i] = sum
            }
        }
    }
    return out
}
