// ConnectionDrawing: the paper's picture of LAT, layers as rows of token nodes joined by traced attention.

struct ConnectionDrawing: Sendable {
    var width: String
    var height: String
    var nodes: [Node]
    var edges: [Edge]
    var rowLabels: [RowLabel]
    var hasEdges: Bool

    struct Node: Sendable { var x: String; var y: String; var r: String; var hover: String }
    struct Edge: Sendable { var x1: String; var y1: String; var x2: String; var y2: String; var width: String; var opacity: String }
    struct RowLabel: Sendable { var y: String; var label: String }

    /// Keeps the `edgesPerLayer` heaviest edges between each pair of adjacent layers, and draws a node only
    /// where an edge ends or the token's score is at least a twentieth of its layer's maximum (to stay small).
    init(edges allEdges: [TraceEdge], trace: MethodTrace?, tokens: [String], edgesPerLayer: Int = 12,
         layerName: (Int, Int) -> String) {
        let f = Formatting.coordinate
        let layerCount = max(trace?.layers.count ?? 0, (allEdges.map(\.layer).max() ?? 0) + 1)
        let columnWidth = tokens.count > 40 ? 12.0 : 18.0
        let left = 64.0, top = 12.0, rowGap = 34.0
        func x(_ token: Int) -> Double { left + (Double(token) + 0.5) * columnWidth }
        func y(_ layer: Int) -> Double { top + Double(layerCount - 1 - layer) * rowGap }
        var kept: [TraceEdge] = []
        for layer in Set(allEdges.map(\.layer)).sorted() {
            let heaviest = allEdges.filter { $0.layer == layer && $0.from < tokens.count && $0.to < tokens.count }
                .sorted { ($0.weight, $1.from, $1.to) > ($1.weight, $0.from, $0.to) }
                .prefix(edgesPerLayer)
            kept.append(contentsOf: heaviest)
        }
        let peak = kept.map(\.weight).max() ?? 1
        edges = kept.map { edge in
            let share = peak > 0 ? edge.weight / peak : 0
            return Edge(x1: f(x(edge.from)), y1: f(y(edge.layer)), x2: f(x(edge.to)), y2: f(y(edge.layer - 1)),
                        width: f(0.6 + 3.4 * share), opacity: Formatting.weight(0.25 + 0.75 * share))
        }
        var nodeKeys = Set<[Int]>()
        for edge in kept {
            nodeKeys.insert([edge.layer, edge.from])
            nodeKeys.insert([edge.layer - 1, edge.to])
        }
        if let trace {
            for (layer, scores) in trace.layers.enumerated() {
                let top = scores.map(abs).max() ?? 0
                for (index, score) in scores.enumerated() where top > 0 && abs(score) >= top / 20 {
                    nodeKeys.insert([layer, index])
                }
            }
        }
        nodes = nodeKeys.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.compactMap { key in
            let layer = key[0], index = key[1]
            guard index < tokens.count, layer >= 0, layer < layerCount else { return nil }
            var radius = 2.0
            var hover = "\(tokens[index]) (\(layerName(layer, layerCount)))"
            if let trace, layer < trace.layers.count, index < trace.layers[layer].count {
                let scores = trace.layers[layer]
                let top = scores.map(abs).max() ?? 0
                radius = top > 0 ? 1.5 + 4.5 * abs(scores[index]) / top : 2
                hover += ": \(Formatting.significant(scores[index]))"
            }
            return Node(x: f(x(index)), y: f(y(layer)), r: f(radius), hover: hover)
        }
        rowLabels = (0..<layerCount).map { RowLabel(y: f(y($0) + 4), label: layerName($0, layerCount)) }
        width = f(left + Double(tokens.count) * columnWidth + 12)
        height = f(top + Double(max(0, layerCount - 1)) * rowGap + 14)
        hasEdges = !kept.isEmpty
    }
}
