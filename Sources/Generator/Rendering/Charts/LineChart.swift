// LineChart: a statistic by layer, one line per method, as template-ready SVG geometry.

struct ChartPoint: Sendable {
    var x: String
    var y: String
    var hover: String
}

struct LineChart: Sendable {
    var frame: ChartFrame
    var series: [Series]
    var description: String

    struct Series: Sendable {
        var colorClass: String
        var label: String
        /// SVG path data through the defined points (gaps start a new subpath).
        var path: String
        var points: [ChartPoint]
    }

    /// - Parameter names: method id → display name.
    init(_ series: LayerSeries, names: [String: String], methodOrder: [String]) {
        var layout = ChartFrame.Layout()
        layout.width = 520
        layout.height = 300
        let legendWidth = series.lines.reduce(0.0) { $0 + 22 + Double((names[$1.methodID] ?? $1.methodID).count) * 6.5 }
        let legendRows = Int((legendWidth / (layout.plotRight - layout.plotLeft)).rounded(.up))
        layout.top = 36 + Double(max(1, legendRows)) * 15
        let values = series.lines.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite)
        let (ticks, domain) = niceTicks(lower: min(0, values.min() ?? 0), upper: values.max() ?? 1)
        let count = max(series.layerLabels.count, series.lines.map(\.values.count).max() ?? 1)
        let xScale = LinearScale(domain: 0...Double(max(1, count - 1)), range: (layout.plotLeft + 12, layout.plotRight - 12))
        let yScale = LinearScale(domain: domain, range: (layout.plotBottom, layout.plotTop))
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let f = Formatting.coordinate
        var built: [Series] = []
        for line in series.lines {
            let index = methodOrder.firstIndex(of: line.methodID) ?? built.count
            let name = names[line.methodID] ?? line.methodID
            var path = ""
            var penDown = false
            var points: [ChartPoint] = []
            for (layer, value) in line.values.enumerated() {
                guard let value, value.isFinite else { penDown = false; continue }
                let x = f(xScale(Double(layer))), y = f(yScale(value))
                path += (penDown ? "L" : (path.isEmpty ? "M" : " M")) + x + " " + y
                penDown = true
                let layerName = layer < series.layerLabels.count ? series.layerLabels[layer] : "layer \(layer)"
                points.append(ChartPoint(x: x, y: y, hover: "\(name), \(layerName): \(Formatting.fixed(value, digits: 3))"))
            }
            built.append(Series(colorClass: Palette.categorical(index), label: name, path: path, points: points))
        }
        let xTicks = (0..<count).map { layer in
            (position: xScale(Double(layer)), label: layer < series.layerLabels.count ? series.layerLabels[layer] : "\(layer)")
        }
        frame = ChartFrame(layout: layout, title: series.statistic, xLabel: "layer (input at left)", yLabel: series.statistic,
                           xTicks: xTicks,
                           yTicks: ticks.map { (position: yScale($0), label: tickLabel($0, step: step)) },
                           legend: built.map { (colorClass: $0.colorClass, label: $0.label) })
        self.series = built
        description = "\(series.statistic) by layer for \(built.map(\.label).joined(separator: ", "))."
    }
}
