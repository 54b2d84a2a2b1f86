// HeatMap: one method's scores as layers (rows, top layer first) × tokens (columns).

struct HeatMap: Sendable {
    var width: String
    var height: String
    var title: String
    var rows: [Row]
    var columns: [Column]
    var cellWidth: String
    var cellHeight: String
    var labelX: String

    struct Row: Sendable {
        var y: String
        var textY: String
        var label: String
        var layer: String
        var cells: [Cell]
    }
    struct Cell: Sendable {
        var x: String
        var heat: String
    }
    struct Column: Sendable {
        var x: String
        var y: String
        var token: String
    }

    /// - Parameters: layers[l][i] as in `MethodTrace`; rows are drawn top layer first, like the network.
    init(trace: MethodTrace, tokens: [String], methodName: String, layerName: (Int, Int) -> String) {
        let cellW = tokens.count > 40 ? 12.0 : 18.0
        let cellH = 16.0
        let left = 64.0
        let f = Formatting.coordinate
        let isSigned = trace.layers.contains { $0.contains { $0 < 0 } }
        let top = 8.0
        var rows: [Row] = []
        let count = trace.layers.count
        for (position, layer) in (0..<count).reversed().enumerated() {
            let scores = trace.layers[layer]
            let peak = scores.map(abs).max() ?? 0
            let y = top + Double(position) * cellH
            rows.append(Row(y: f(y), textY: f(y + cellH * 0.7), label: layerName(layer, count), layer: String(layer),
                            cells: scores.indices.map { index in
                                Cell(x: f(left + Double(index) * cellW),
                                     heat: Palette.heat(scores[index], maxMagnitude: peak, isSigned: isSigned))
                            }))
        }
        let labelTop = top + Double(count) * cellH + 6
        columns = tokens.indices.map { index in
            let x = left + (Double(index) + 0.5) * cellW
            return Column(x: f(x), y: f(labelTop), token: tokens[index])
        }
        let longest = min(14, tokens.map(\.count).max() ?? 1)
        width = f(left + Double(tokens.count) * cellW + 12)
        height = f(labelTop + Double(longest) * 6.2 + 10)
        title = "\(methodName): score by layer and token"
        self.rows = rows
        cellWidth = f(cellW - 1)
        cellHeight = f(cellH - 1)
        labelX = f(left - 6)
    }
}
