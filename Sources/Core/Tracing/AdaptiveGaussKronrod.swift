// AdaptiveGaussKronrod: ∫₀¹ of a vector-valued function by 7-point Gauss / 15-point Kronrod pairs, bisecting the
// intervals whose error estimate is largest until the whole vector meets a tolerance.

/// The Gauss–Kronrod (G7, K15) pair on [−1, 1] (QUADPACK's `qk15`, Piessens et al. 1983): K15 is exact for
/// polynomials of degree 22, its 7 Gauss nodes alone (every second node) for degree 13, and |K15 − G7| estimates
/// the error of K15 on the interval at no extra evaluation.
enum GaussKronrod15 {
    /// The positive nodes, largest first; the rule uses ±x (x = 0 once).
    static let positiveNodes: [Double] = [
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0,
    ]
    static let positiveKronrodWeights: [Double] = [
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    ]
    /// The Gauss weights at the odd-indexed positive nodes (0.949…, 0.741…, 0.405…, 0); zero elsewhere.
    static let positiveGaussWeights: [Double] = [
        0, 0.129484966168869693270611432679082, 0, 0.279705391489276667901467771423780,
        0, 0.381830050505118944950369775488975, 0, 0.417959183673469387755102040816327,
    ]

    /// The 15 nodes on [a, b] in increasing order with their Kronrod and Gauss weights (Σ = b − a for each).
    static func rule(from a: Double, to b: Double) -> (points: [Double], kronrod: [Double], gauss: [Double]) {
        let half = (b - a) / 2, middle = (a + b) / 2
        var points: [Double] = [], kronrod: [Double] = [], gauss: [Double] = []
        for k in 0..<7 {  // −x, from −0.991… up
            points.append(middle - half * positiveNodes[k])
            kronrod.append(half * positiveKronrodWeights[k])
            gauss.append(half * positiveGaussWeights[k])
        }
        for k in (0...7).reversed() {  // 0, then +x up to 0.991…
            points.append(middle + half * positiveNodes[k])
            kronrod.append(half * positiveKronrodWeights[k])
            gauss.append(half * positiveGaussWeights[k])
        }
        return (points, kronrod, gauss)
    }
}

/// Adaptive bisection over [0, 1]. `evaluate` receives every node of a round at once (so the caller can batch them)
/// and returns, per node, the integrand's components; the result is the integral per component.
struct AdaptiveGaussKronrod {
    /// Stop when the summed error estimates, in the largest component of the integral, are at most
    /// `tolerance` × max |integral component| (a bound for every component at once).
    var tolerance: Double
    /// Stop before a round would exceed this many evaluations (the estimate is then reported as it is).
    var maximumEvaluations: Int

    struct Interval {
        var lower: Double, upper: Double
        var kronrod: [Double]
        var error: Double
    }

    struct Result {
        var integral: [Double]
        var evaluations: Int
        var intervals: Int
        /// The summed error estimate relative to max |integral| at the end.
        var relativeErrorEstimate: Double
    }

    /// `breaks`: the increasing first partition of [0, 1], 0 and 1 included.
    func integrate(breaks: [Double], extraPoints: [Double] = [], components: Int,
                   _ evaluate: (_ points: [Double]) -> [[Double]]) -> (result: Result, extra: [[Double]]) {
        precondition(breaks.first == 0 && breaks.last == 1 && breaks.count >= 2, "breaks must run from 0 to 1")
        var pending = zip(breaks, breaks.dropFirst()).map { ($0, $1) }
        var intervals: [Interval] = []
        var evaluations = 0
        var extra: [[Double]] = []
        while true {
            // One call for every new interval's 15 nodes (and, in the first round, the caller's extra points).
            let rules = pending.map { GaussKronrod15.rule(from: $0.0, to: $0.1) }
            let first = intervals.isEmpty ? extraPoints : []
            let values = evaluate(first + rules.flatMap(\.points))
            evaluations += values.count
            if !first.isEmpty { extra = Array(values.prefix(first.count)) }
            for (index, (range, rule)) in zip(pending, rules).enumerated() {
                var kronrod = [Double](repeating: 0, count: components), gauss = kronrod
                for node in 0..<15 {
                    let row = values[first.count + index * 15 + node]
                    for c in 0..<components {
                        kronrod[c] += rule.kronrod[node] * row[c]
                        gauss[c] += rule.gauss[node] * row[c]
                    }
                }
                let error = zip(kronrod, gauss).map { abs($0 - $1) }.max() ?? 0
                intervals.append(Interval(lower: range.0, upper: range.1, kronrod: kronrod, error: error))
            }
            var integral = [Double](repeating: 0, count: components)
            for interval in intervals { for c in 0..<components { integral[c] += interval.kronrod[c] } }
            let scale = integral.map(abs).max() ?? 0
            let error = intervals.reduce(0) { $0 + $1.error }
            let relative = scale > 0 ? error / scale : (error > 0 ? .infinity : 0)
            let done = Result(integral: integral, evaluations: evaluations, intervals: intervals.count,
                              relativeErrorEstimate: relative)
            if relative <= tolerance { return (done, extra) }
            // Bisect the worst intervals, largest error first, until the unsplit ones alone would meet the
            // tolerance; each split costs 30 evaluations, so stop where the budget ends.
            intervals.sort { $0.error > $1.error }
            var remaining = error, split = 0
            while split < intervals.count && remaining > tolerance * scale / 2
                && evaluations + 30 * (split + 1) <= maximumEvaluations {
                remaining -= intervals[split].error
                split += 1
            }
            if split == 0 { return (done, extra) }
            pending = intervals.prefix(split).flatMap { i -> [(Double, Double)] in
                let middle = (i.lower + i.upper) / 2
                return [(i.lower, middle), (middle, i.upper)]
            }
            intervals.removeFirst(split)
        }
    }
}
