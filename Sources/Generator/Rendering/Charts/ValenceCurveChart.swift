// ValenceCurveChart: a narrative's true and predicted valence per window, as the line chart's SVG geometry.

extension LineChart {
    /// Two lines over the window index (1, 2, …): gold and predicted valence; a missing value breaks its line.
    /// Every point's `<title>` gives the window and the value; axes and legend as every line chart.
    init(valence windows: [NarrativeWindowContent], title: String) {
        var layout = ChartFrame.Layout()
        layout.width = 720
        layout.height = 300
        layout.top = 52
        let lines: [(name: String, values: [Double?])] = [("true valence", windows.map(\.gold)),
                                                          ("predicted", windows.map(\.predicted))]
        let values = lines.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite)
        let (ticks, domain) = niceTicks(lower: values.min() ?? 1, upper: values.max() ?? 5)
        let count = windows.count
        let xScale = LinearScale(domain: 1...Double(max(2, count)), range: (layout.plotLeft + 12, layout.plotRight - 12))
        let yScale = LinearScale(domain: domain, range: (layout.plotBottom, layout.plotTop))
        let f = Formatting.coordinate
        let built = lines.enumerated().map { index, line -> Series in
            var path = "", penDown = false
            var points: [ChartPoint] = []
            for (k, value) in line.values.enumerated() {
                guard let value, value.isFinite else { penDown = false; continue }
                let x = f(xScale(Double(k + 1))), y = f(yScale(value))
                path += (penDown ? "L" : (path.isEmpty ? "M" : " M")) + x + " " + y
                penDown = true
                points.append(ChartPoint(x: x, y: y, hover: "window \(k + 1), \(line.name): \(Formatting.fixed(value, digits: 2))"))
            }
            return Series(colorClass: Palette.categorical(index), label: line.name, path: path, points: points)
        }
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let every = max(1, Int((Double(count) / 12).rounded(.up)))
        let xTicks = stride(from: 1, through: count, by: every).map { (position: xScale(Double($0)), label: String($0)) }
        frame = ChartFrame(layout: layout, title: title, xLabel: "window (sentence) in reading order", yLabel: "valence",
                           xTicks: xTicks, yTicks: ticks.map { (position: yScale($0), label: tickLabel($0, step: step)) },
                           legend: built.map { (colorClass: $0.colorClass, label: $0.label) })
        series = built
        description = "True and predicted valence of each of the \(count) windows."
    }
}
