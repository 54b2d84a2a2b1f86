// ChartFrame: the shared parts of every SVG chart (size, plot area, axes, ticks, legend), as template-ready strings.

/// A tick: its line from (x1, y1) to (x2, y2), a grid line across the plot, and its label at (textX, textY).
struct ChartTick: Sendable {
    var x1: String, y1: String, x2: String, y2: String
    var gridX2: String, gridY2: String
    var textX: String, textY: String
    var label: String
}

struct LegendItem: Sendable {
    var x: String, y: String, textX: String, textY: String
    var colorClass: String
    var label: String
}

/// Size, title, axes and legend of a chart. `plot*` bound the plotting area in SVG user units.
struct ChartFrame: Sendable {
    var width: String
    var height: String
    var title: String
    var titleX: String
    var titleY: String
    var xLabel: String
    var yLabel: String
    var plotLeft: String, plotRight: String, plotTop: String, plotBottom: String
    var xLabelX: String, xLabelY: String
    var yLabelX: String, yLabelY: String
    var xTicks: [ChartTick]
    var yTicks: [ChartTick]
    var legend: [LegendItem]
    var hasLegend: Bool

    /// Geometry in numbers; converted to strings once.
    struct Layout {
        var width: Double = 640, height: Double = 320
        var left: Double = 56, right: Double = 16, top: Double = 34, bottom: Double = 46
        var plotLeft: Double { left }
        var plotRight: Double { width - right }
        var plotTop: Double { top }
        var plotBottom: Double { height - bottom }
    }

    init(layout: Layout, title: String, xLabel: String, yLabel: String,
         xTicks: [(position: Double, label: String)], yTicks: [(position: Double, label: String)],
         legend: [(colorClass: String, label: String)]) {
        let f = Formatting.coordinate
        width = f(layout.width)
        height = f(layout.height)
        self.title = title
        titleX = f(layout.plotLeft)
        titleY = f(16)
        self.xLabel = xLabel
        self.yLabel = yLabel
        plotLeft = f(layout.plotLeft)
        plotRight = f(layout.plotRight)
        plotTop = f(layout.plotTop)
        plotBottom = f(layout.plotBottom)
        xLabelX = f((layout.plotLeft + layout.plotRight) / 2)
        xLabelY = f(layout.height - 8)
        yLabelX = f(14)
        yLabelY = f((layout.plotTop + layout.plotBottom) / 2)
        self.xTicks = xTicks.map { tick in
            ChartTick(x1: f(tick.position), y1: f(layout.plotBottom), x2: f(tick.position), y2: f(layout.plotBottom + 5),
                      gridX2: f(tick.position), gridY2: f(layout.plotTop),
                      textX: f(tick.position), textY: f(layout.plotBottom + 18), label: tick.label)
        }
        self.yTicks = yTicks.map { tick in
            ChartTick(x1: f(layout.plotLeft - 5), y1: f(tick.position), x2: f(layout.plotLeft), y2: f(tick.position),
                      gridX2: f(layout.plotRight), gridY2: f(tick.position),
                      textX: f(layout.plotLeft - 8), textY: f(tick.position + 4), label: tick.label)
        }
        var items: [LegendItem] = []
        var x = layout.plotLeft
        var y = 26.0
        for entry in legend {
            let advance = 22 + Double(entry.label.count) * 6.5
            if x + advance > layout.width - 4 && x > layout.plotLeft {
                x = layout.plotLeft
                y += 15
            }
            items.append(LegendItem(x: f(x), y: f(y), textX: f(x + 14), textY: f(y + 9),
                                    colorClass: entry.colorClass, label: entry.label))
            x += advance
        }
        self.legend = items
        hasLegend = !items.isEmpty
    }
}
