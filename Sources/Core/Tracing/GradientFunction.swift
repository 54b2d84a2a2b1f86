// GradientFunction: the closure through which gradient-based methods query a model they know nothing about.

/// The model as the gradient-based methods see it, for one example of n tokens with embedding
/// size D, evaluated at S points at once:
/// - input: S × n × D embeddings, flat row-major (point s, token i, dimension d at (s · n + i) · D + d);
/// - output: `outputs` (S), the scalar y at each point (the predicted class's logit, or the
///   regression output), and `gradients` (S × n × D), ∂y/∂e at each point, same layout.
public typealias GradientFunction = (_ embeddings: [Float]) -> (outputs: [Float], gradients: [Float])

/// Checks the shapes a `GradientFunction` returned for `points` evaluation points.
func checkGradientShapes(
    _ result: (outputs: [Float], gradients: [Float]), points: Int, tokens: Int, dimension: Int
) {
    precondition(result.outputs.count == points,
                 "gradient function: expected \(points) outputs, got \(result.outputs.count)")
    precondition(result.gradients.count == points * tokens * dimension,
                 "gradient function: expected S·n·D = \(points)·\(tokens)·\(dimension) gradients, got \(result.gradients.count)")
}
