// ConnectionDrawing: the paper's picture of LAT, layers as rows of token nodes joined by traced attention.
import Core

/// Geometry for Templates/charts/connections.mustache. Edges and nodes are bucketed (4 stroke widths,
/// 4 node sizes) and each bucket is one `<path>`, so the drawing stays a few kilobytes even for long texts.
struct ConnectionDrawing: Sendable {
    var width: String
    var height: String
    var maxWidth: String
    var minWidth: String
    var edgeGroups: [Group]
    var nodeGroups: [Group]
    var rowLabels: [RowLabel]
    var columns: [TokenLabel]
    /// False when the drawing sits right above the heat map, whose token labels (same columns) serve both.
    var hasTokens: Bool
    var description: String

    /// One bucket: its stroke width and opacity and the path through its members.
    struct Group: Sendable { var width: String; var opacity: String; var path: String }
    struct RowLabel: Sendable { var y: String; var label: String }

    /// Keeps the `edgesPerLayer` heaviest edges between each pair of adjacent layers and draws a node only where
    /// a kept edge ends; a node's size grows with its traced score (from `trace`), an edge's with its weight.
    /// With `labelsTokens` false the token labels are left out (the drawing ends below its input row): the example
    /// page stacks it on the heat map, which has the same columns (`left` 64, 18 or 12 per token) and labels them.
    /// Six edges per pair of layers (of the 8 a trace records) keep the drawing legible and the page small.
    init(edges allEdges: [TraceEdge], trace: MethodTrace?, tokens: [String], edgesPerLayer: Int = 6,
         labelsTokens: Bool = true, layerName: (Int, Int) -> String) {
        let f = Formatting.coordinate
        let layerCount = max(trace?.layers.count ?? 0, (allEdges.map(\.layer).max() ?? 0) + 1)
        let columnWidth = tokens.count > 40 ? 12.0 : 18.0
        let left = 64.0, top = 12.0, rowGap = 34.0
        func x(_ token: Int) -> Double { left + (Double(token) + 0.5) * columnWidth }
        func y(_ layer: Int) -> Double { top + Double(layerCount - 1 - layer) * rowGap }
        var kept: [TraceEdge] = []
        for layer in Set(allEdges.map(\.layer)).sorted() {
            let heaviest = allEdges.filter { $0.layer == layer && $0.layer >= 1 && $0.from < tokens.count && $0.to < tokens.count }
                .sorted { ($0.weight, $1.from, $1.to) > ($1.weight, $0.from, $0.to) }
                .prefix(edgesPerLayer)
            kept.append(contentsOf: heaviest)
        }
        let peak = kept.map(\.weight).max() ?? 1
        var edgePaths = Array(repeating: "", count: 4)
        for edge in kept {
            let bucket = min(3, Int((peak > 0 ? edge.weight / peak : 0) * 4))
            edgePaths[bucket] += "M\(f(x(edge.from))) \(f(y(edge.layer)))L\(f(x(edge.to))) \(f(y(edge.layer - 1)))"
        }
        edgeGroups = edgePaths.indices.filter { !edgePaths[$0].isEmpty }.map { bucket in
            Group(width: f(0.8 + Double(bucket) * 1.1), opacity: Formatting.weight(0.35 + 0.2 * Double(bucket)), path: edgePaths[bucket])
        }
        var nodes = Set<[Int]>()
        for edge in kept {
            nodes.insert([edge.layer, edge.from])
            nodes.insert([edge.layer - 1, edge.to])
        }
        var nodePaths = Array(repeating: "", count: 4)
        for key in nodes.sorted(by: { ($0[0], $0[1]) < ($1[0], $1[1]) }) {
            let layer = key[0], index = key[1]
            var share = 0.0
            if let trace, layer < trace.layers.count, index < trace.layers[layer].count {
                let top = trace.layers[layer].map(abs).max() ?? 0
                share = top > 0 ? abs(trace.layers[layer][index]) / top : 0
            }
            nodePaths[min(3, Int(share * 4))] += "M\(f(x(index))) \(f(y(layer)))h0"
        }
        nodeGroups = nodePaths.indices.filter { !nodePaths[$0].isEmpty }.map { bucket in
            Group(width: f(4 + Double(bucket) * 2.5), opacity: "1", path: nodePaths[bucket])
        }
        rowLabels = (0..<layerCount).map { RowLabel(y: f(y($0) + 4), label: layerName($0, layerCount)) }
        let labelTop = top + Double(max(0, layerCount - 1)) * rowGap + 12
        hasTokens = labelsTokens
        columns = labelsTokens ? TokenLabel.axis(tokens, left: left, columnWidth: columnWidth, top: labelTop) : []
        width = f(left + Double(tokens.count) * columnWidth + 12)
        height = f(labelsTokens ? labelTop + TokenLabel.axisHeight(tokens) : labelTop - 4)
        maxWidth = f(min(1100, (left + Double(tokens.count) * columnWidth + 12) * 1.25))
        minWidth = TokenLabel.minimumWidth(left + Double(tokens.count) * columnWidth + 12)
        description = "LAT: the \(edgesPerLayer) heaviest traced-attention edges between adjacent layers; larger dots are tokens with higher traced scores."
    }
}
