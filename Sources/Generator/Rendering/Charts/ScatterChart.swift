// ScatterChart: lexicon valence against a word's mean score, with the fitted quadratic drawn through it.

struct ScatterChart: Sendable {
    var frame: ChartFrame
    var points: [Dot]
    var curve: String
    var description: String

    struct Dot: Sendable {
        var x: String
        var y: String
        var r: String
        var colorClass: String
        var hover: String
    }

    init(_ scatter: ScatterContent, methodName: String) {
        var layout = ChartFrame.Layout()
        layout.width = 860
        layout.height = 400
        layout.left = 64
        let valences = scatter.points.map(\.valence).filter(\.isFinite)
        let scores = scatter.points.map(\.score).filter(\.isFinite)
        let (xTicks, xDomain) = niceTicks(lower: min(1, valences.min() ?? 1), upper: max(9, valences.max() ?? 9), count: 9)
        let (yTicks, yDomain) = niceTicks(lower: min(0, scores.min() ?? 0), upper: scores.max() ?? 1, count: 6)
        let xScale = LinearScale(domain: xDomain, range: (layout.plotLeft, layout.plotRight))
        let yScale = LinearScale(domain: yDomain, range: (layout.plotBottom, layout.plotTop))
        let f = Formatting.coordinate
        let maxOccurrences = Double(scatter.points.map(\.occurrences).max() ?? 1)
        points = scatter.points.filter { $0.valence.isFinite && $0.score.isFinite }.map { point in
            let radius = 2 + 3 * (Double(point.occurrences).squareRoot() / max(1, maxOccurrences.squareRoot()))
            return Dot(x: f(xScale(point.valence)), y: f(yScale(point.score)), r: f(radius),
                       colorClass: Palette.valence(point.valence),
                       hover: "\(point.word): valence \(Formatting.fixed(point.valence, digits: 2)), mean score \(Formatting.significant(point.score)), \(point.occurrences)×")
        }
        var curve = ""
        let samples = 60
        for index in 0...samples {
            let v = xDomain.lowerBound + (xDomain.upperBound - xDomain.lowerBound) * Double(index) / Double(samples)
            let y = min(max(scatter.fit(v), yDomain.lowerBound), yDomain.upperBound)
            curve += (index == 0 ? "M" : "L") + f(xScale(v)) + " " + f(yScale(y))
        }
        self.curve = curve
        let xStep = xTicks.count > 1 ? xTicks[1] - xTicks[0] : 1
        let yStep = yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1
        frame = ChartFrame(layout: layout, title: "Valence vs mean \(methodName) score (\(Formatting.count(points.count)) word types)",
                           xLabel: "\(scatter.lexicon) valence (5 = neutral)", yLabel: "mean score",
                           xTicks: xTicks.map { (position: xScale($0), label: tickLabel($0, step: xStep)) },
                           yTicks: yTicks.map { (position: yScale($0), label: tickLabel($0, step: yStep)) },
                           legend: [])
        let fit = scatter.fit
        func term(_ b: Double, _ name: String) -> String {
            (b < 0 ? " − " : " + ") + Formatting.significant(abs(b)) + name
        }
        description = "Each dot is a word type (size: occurrences; colour: valence); the dashed line is the fitted quadratic, score = "
            + Formatting.significant(fit.b0) + term(fit.b1, "·v") + term(fit.b2, "·v²")
            + " (R² = \(Formatting.fixed(fit.rSquared, digits: 3)))."
    }
}
