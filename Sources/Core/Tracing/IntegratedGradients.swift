// IntegratedGradients: Sundararajan et al. (2017) from a zero baseline, with its completeness error and optional refinement.

/// How far an integrated-gradients result is from completeness, Σ_i attr_i = F(x) − F(0).
public struct CompletenessError: Codable, Equatable, Sendable {
    /// |Σ_i attr_i − (F(x) − F(0))|.
    public var absolute: Double
    /// `absolute` / |F(x) − F(0)|; nil when F(x) = F(0) (nothing to attribute).
    public var relative: Double?
    /// F(x) − F(0), the total the attributions should sum to.
    public var outputDifference: Double
    /// Points at which the gradient was evaluated, over all refinement rounds.
    public var evaluations: Int
    /// The schedule of the final round.
    public var schedule: IntegrationSchedule

    public init(absolute: Double, relative: Double?, outputDifference: Double,
                evaluations: Int, schedule: IntegrationSchedule) {
        self.absolute = absolute
        self.relative = relative
        self.outputDifference = outputDifference
        self.evaluations = evaluations
        self.schedule = schedule
    }
}

/// Integrated gradients from the zero baseline:
///
///     attr_i = Σ_d e_{i,d} · ∫₀¹ ∂y/∂e_{i,d}(t · e) dt ≈ Σ_d e_{i,d} · Σ_k w_k · g_{i,d}(t_k · e)
///
/// with the nodes and weights of `schedule`. All S points of a round (the schedule's nodes plus
/// t = 0 and t = 1 for F(0) and F(x), added with weight 0 when the rule lacks them) go to the
/// gradient function in ONE call. With `relativeTolerance`, the schedule's steps are doubled until
/// the relative completeness error is at most the tolerance or the next round would exceed
/// `maximumSteps`; the last round's attributions are returned with its error.
///
/// Default: 50-point Gauss–Legendre (52 evaluations with the two end points). On test functions
/// that, like this architecture, change mostly at t < 0.05 it had the smallest completeness error of
/// the four rules at 50 steps, 10⁴–10⁵ × smaller than the uniform right Riemann sum on smooth
/// functions and as small as the quadratic grid on one with ReLU kinks (`IntegratedGradientsTests`).
///
/// Reference: Sundararajan, Taly & Yan, "Axiomatic Attribution for Deep Networks", ICML 2017,
/// arXiv:1703.01365.
public struct IntegratedGradients: Sendable {
    public var schedule: IntegrationSchedule
    public var relativeTolerance: Double?
    public var maximumSteps: Int
    public var id: MethodID { .integratedGradients }

    public init(schedule: IntegrationSchedule = .gaussLegendre(points: 50),
                relativeTolerance: Double? = nil, maximumSteps: Int = 400) {
        self.schedule = schedule
        self.relativeTolerance = relativeTolerance
        self.maximumSteps = maximumSteps
    }

    /// Attributions for embeddings (n × D) and the completeness error of the result.
    public func attribute(embeddings: [Float], tokens n: Int, dimension d: Int,
                          using function: GradientFunction) -> (attribution: Attribution, error: CompletenessError) {
        precondition(embeddings.count == n * d, "embeddings: expected n·D = \(n)·\(d), got \(embeddings.count)")
        if schedule.rule == .adaptiveGaussKronrod {
            return adaptive(embeddings: embeddings, tokens: n, dimension: d, using: function)
        }
        var current = schedule
        var evaluations = 0
        while true {
            let round = integrate(embeddings: embeddings, tokens: n, dimension: d, schedule: current, using: function)
            evaluations += round.evaluations
            var error = round.error
            error.evaluations = evaluations
            let isDone = relativeTolerance.map { tolerance in (error.relative ?? 0) <= tolerance } ?? true
            if isDone || current.refined.steps > maximumSteps {
                return (round.attribution, error)
            }
            current = current.refined
        }
    }

    /// One round: one call of `function` over every node of `schedule`.
    private func integrate(embeddings: [Float], tokens n: Int, dimension d: Int, schedule: IntegrationSchedule,
                           using function: GradientFunction)
        -> (attribution: Attribution, error: CompletenessError, evaluations: Int) {
        var (points, weights) = schedule.nodes()
        if points.first != 0 { points.insert(0, at: 0); weights.insert(0, at: 0) }
        if points.last != 1 { points.append(1); weights.append(0) }
        let size = n * d
        let result = function(Self.pathBatch(embeddings, at: points))
        checkGradientShapes(result, points: points.count, tokens: n, dimension: d)
        var averaged = [Float](repeating: 0, count: size)
        result.gradients.withUnsafeBufferPointer { g in
            for (s, w) in weights.enumerated() where w != 0 {
                let weight = Float(w), base = s * size
                for k in 0..<size { averaged[k] += weight * g[base + k] }
            }
        }
        let scores = rowDotProducts(embeddings, averaged, rows: n, width: d)
        let difference = Double(result.outputs[points.count - 1]) - Double(result.outputs[0])
        let total = scores.reduce(0.0) { $0 + Double($1) }
        let absolute = abs(total - difference)
        let error = CompletenessError(absolute: absolute, relative: difference == 0 ? nil : absolute / abs(difference),
                                      outputDifference: difference, evaluations: points.count, schedule: schedule)
        return (Attribution(scores: scores), error, points.count)
    }

    /// The adaptive rule: the integrand per token is h_i(t) = Σ_d e_{i,d} · ∂y/∂e_{i,d}(t · e), integrated by
    /// `AdaptiveGaussKronrod` until every token's score is within `relativeTolerance` (default 0.5 %) of the
    /// largest |score|, by the summed |K15 − G7| estimates; F(0) and F(x) ride along in the first round's call.
    private func adaptive(embeddings: [Float], tokens n: Int, dimension d: Int, using function: GradientFunction)
        -> (attribution: Attribution, error: CompletenessError) {
        let size = n * d
        var ends: [Float] = []
        let integrator = AdaptiveGaussKronrod(tolerance: relativeTolerance ?? 0.005, maximumEvaluations: maximumSteps)
        let (result, _) = integrator.integrate(breaks: schedule.initialBreaks, extraPoints: [0, 1], components: n) { points in
            let result = function(Self.pathBatch(embeddings, at: points))
            checkGradientShapes(result, points: points.count, tokens: n, dimension: d)
            if ends.isEmpty { ends = Array(result.outputs.prefix(2)) }
            return (0..<points.count).map { s in
                rowDotProducts(embeddings, Array(result.gradients[(s * size)..<((s + 1) * size)]), rows: n, width: d)
                    .map(Double.init)
            }
        }
        let scores = result.integral.map(Float.init)
        let difference = Double(ends[1]) - Double(ends[0])
        let total = scores.reduce(0.0) { $0 + Double($1) }
        let absolute = abs(total - difference)
        let error = CompletenessError(absolute: absolute, relative: difference == 0 ? nil : absolute / abs(difference),
                                      outputDifference: difference, evaluations: result.evaluations,
                                      schedule: .adaptiveGaussKronrod(intervals: result.intervals))
        return (Attribution(scores: scores), error)
    }

    /// The straight path from the zero baseline, one scaled copy of `embeddings` per point: t · e for each t.
    private static func pathBatch(_ embeddings: [Float], at points: [Double]) -> [Float] {
        let size = embeddings.count
        var batch = [Float](repeating: 0, count: points.count * size)
        batch.withUnsafeMutableBufferPointer { out in
            embeddings.withUnsafeBufferPointer { e in
                for (s, t) in points.enumerated() {
                    let scale = Float(t), base = s * size
                    for k in 0..<size { out[base + k] = scale * e[k] }
                }
            }
        }
        return batch
    }
}
