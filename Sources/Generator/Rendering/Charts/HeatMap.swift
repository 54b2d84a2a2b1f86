// HeatMap: one method's scores as layers (rows, top layer first) × tokens (columns).
import Foundation

/// Geometry for Templates/charts/heatmap.mustache. To keep long examples' pages small, the cells are not one
/// element each: every heat class gets one `<path>` of horizontal strokes (`M x y h w`, stroke width = row
/// height), neighbouring cells of the same class merge, and cells under 1/18 of their row's maximum are left
/// to the row's background.
struct HeatMap: Sendable {
    var width: String
    var height: String
    /// The largest width (CSS px) the figure may be scaled up to.
    var maxWidth: String
    /// Below this the figure scrolls instead of shrinking (never more than its natural width).
    var minWidth: String
    var title: String
    var rows: [Row]
    var strokes: [Stroke]
    var columns: [TokenLabel]
    var cellHeight: String
    var labelX: String
    var plotX: String
    /// Every row's background as one path of horizontal strokes (a rect per row would cost ~50 bytes more each).
    var backgroundPath: String
    var isSigned: Bool
    /// For the script that redraws the map for another method: column width, row height, the first row's top,
    /// the number of rows drawn here and the height without any rows.
    var columnWidth: String
    var rowHeight: String
    var top: String
    var rowCount: String
    var baseHeight: String

    struct Row: Sendable {
        var textY: String
        var label: String
    }
    /// One heat class's cells.
    struct Stroke: Sendable {
        var heat: String
        var path: String
    }

    /// - Parameters: layers[l][i] as in `MethodTrace`; rows are drawn top layer first, like the network.
    init(trace: MethodTrace, tokens: [String], methodName: String, layerName: (Int, Int) -> String) {
        let cellW = tokens.count > 40 ? 12.0 : 18.0
        let cellH = 16.0
        let left = 64.0, top = 8.0
        let f = Formatting.coordinate
        let isSigned = trace.layers.contains { $0.contains { $0 < 0 } }
        let count = trace.layers.count
        var rows: [Row] = []
        var paths: [String: String] = [:]
        for (position, layer) in (0..<count).reversed().enumerated() {
            let scores = trace.layers[layer]
            let peak = scores.map(abs).max() ?? 0
            let y = top + Double(position) * cellH
            rows.append(Row(textY: f(y + 12), label: layerName(layer, count)))
            var index = 0
            while index < scores.count {
                let heat = Palette.heat(scores[index], maxMagnitude: peak, isSigned: isSigned)
                var end = index + 1
                while end < scores.count && Palette.heat(scores[end], maxMagnitude: peak, isSigned: isSigned) == heat { end += 1 }
                if !(heat.count == 2 && heat.hasSuffix("0")) {
                    let x = left + Double(index) * cellW
                    paths[heat, default: ""] += "M\(f(x)) \(f(y + cellH / 2))h\(f(Double(end - index) * cellW - 1))"
                }
                index = end
            }
        }
        strokes = paths.keys.sorted().map { Stroke(heat: $0, path: paths[$0]!) }
        let labelTop = top + Double(count) * cellH + 6
        columns = TokenLabel.axis(tokens, left: left, columnWidth: cellW, top: labelTop)
        width = f(left + Double(tokens.count) * cellW + 12)
        height = f(labelTop + TokenLabel.axisHeight(tokens))
        maxWidth = f(min(1100, (left + Double(tokens.count) * cellW + 12) * 1.25))
        minWidth = TokenLabel.minimumWidth(left + Double(tokens.count) * cellW + 12)
        title = "\(methodName): score by layer and token"
        self.rows = rows
        cellHeight = f(cellH - 1)
        labelX = f(left - 6)
        plotX = f(left)
        let rowWidth = f(Double(tokens.count) * cellW - 1)
        backgroundPath = (0..<count).map { "M\(f(left)) \(f(top + Double($0) * cellH + cellH / 2))h\(rowWidth)" }.joined()
        self.isSigned = isSigned
        columnWidth = f(cellW)
        rowHeight = f(cellH)
        self.top = f(top)
        rowCount = String(count)
        baseHeight = f(labelTop + TokenLabel.axisHeight(tokens) - Double(count) * cellH)
    }
}

/// A token's label under a layers × tokens figure, in the coordinates of a group rotated by −60°
/// (so that each label needs only x and y).
struct TokenLabel: Sendable {
    var x: String
    var y: String
    var token: String

    /// Labels centred under columns `left + (i + 0.5)·columnWidth`, hanging from `top`.
    static func axis(_ tokens: [String], left: Double, columnWidth: Double, top: Double) -> [TokenLabel] {
        let angle = Double.pi / 3
        let f = Formatting.coordinate
        return tokens.indices.map { index in
            let x = left + (Double(index) + 0.5) * columnWidth
            // Whole units are precise enough for a label and keep long examples' pages small.
            return TokenLabel(x: f((x * cos(angle) - top * sin(angle)).rounded()), y: f((x * sin(angle) + top * cos(angle)).rounded()),
                              token: tokens[index])
        }
    }

    /// The vertical room the rotated labels need (the longest counted up to 14 characters, each about 6 units
    /// wide, at 60°: 6 · sin 60° ≈ 5.2 units down per character).
    static func axisHeight(_ tokens: [String]) -> Double {
        Double(min(14, tokens.map(\.count).max() ?? 1)) * 5.2 + 10
    }

    /// A figure's smallest on-screen width: 480 px, so that long sentences scroll on a phone rather than
    /// shrink to unreadable, but never wider than the figure itself (a short sentence is not blown up).
    static func minimumWidth(_ naturalWidth: Double) -> String {
        Formatting.coordinate(min(480, naturalWidth))
    }
}
