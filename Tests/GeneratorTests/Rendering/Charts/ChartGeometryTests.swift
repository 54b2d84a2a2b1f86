// ChartGeometryTests: the SVG geometry of the heat map, connection drawing, line chart, scatter and bar list.
import Testing
import Core
@testable import Generator

@Suite struct ChartGeometryTests {
    let name = { (layer: Int, count: Int) in PageFactory.layerName(layer, count: count) }

    @Test func heatMapMergesEqualNeighboursAndLeavesLowCellsOut() {
        // Rows 16 units apart from y = 8, strokes through their middles. Input row: 0.9, 0.9, 0, 0.45 → one s9 stroke
        // over two cells, nothing for 0, s5 for 0.45 (of max 0.9).
        let trace = MethodTrace(methodID: "lat", layers: [[0.9, 0.9, 0.0, 0.45], [1, 0, 0, 0]])
        let map = HeatMap(trace: trace, tokens: ["a", "b", "c", "d"], methodName: "LAT", layerName: name)
        #expect(map.rows.map(\.label) == ["layer 1", "input"])
        let strokes = Dictionary(uniqueKeysWithValues: map.strokes.map { ($0.heat, $0.path) })
        #expect(strokes["s9"] == "M64 16h17M64 32h35")
        #expect(strokes["s5"] == "M118 32h17")
        #expect(strokes["s0"] == nil)
        #expect(map.columns.map(\.token) == ["a", "b", "c", "d"])
        #expect(!map.isSigned)
    }

    @Test func signedScoresUseTheDivergingClasses() {
        let trace = MethodTrace(methodID: "gxi", layers: [[-1, 0.5, 0]])
        let map = HeatMap(trace: trace, tokens: ["a", "b", "c"], methodName: "G×I", layerName: name)
        #expect(map.isSigned)
        #expect(Set(map.strokes.map(\.heat)) == ["n9", "p5"])
        #expect(map.rows.map(\.label) == ["all"])
    }

    @Test func connectionDrawingKeepsTheHeaviestEdgesPerLayer() {
        var edges: [TraceEdge] = []
        for layer in 1...2 {
            for k in 0..<10 { edges.append(TraceEdge(layer: layer, from: k % 4, to: (k + 1) % 4, weight: Float(k))) }
        }
        edges.append(TraceEdge(layer: 1, from: 9, to: 0, weight: 100)) // token 9 does not exist: ignored
        let drawing = ConnectionDrawing(edges: edges, trace: nil, tokens: ["a", "b", "c", "d"], edgesPerLayer: 3, layerName: name)
        let drawn = drawing.edgeGroups.map { $0.path.components(separatedBy: "M").count - 1 }.reduce(0, +)
        #expect(drawn == 6)
        #expect(drawing.rowLabels.map(\.label) == ["input", "layer 1", "layer 2"])
        #expect(drawing.edgeGroups.count <= 4 && drawing.nodeGroups.count <= 4)
    }

    @Test func lineChartBreaksAtMissingLayers() {
        let series = LayerSeries(statistic: "ρ", layerLabels: ["input", "layer 1", "layer 2", "layer 3"],
                                 lines: [.init(methodID: "lat", values: [0.1, nil, 0.3, 0.4])])
        let chart = LineChart(series, names: ["lat": "LAT"], methodOrder: ["lat"])
        #expect(chart.series[0].path.components(separatedBy: "M").count - 1 == 2)
        #expect(chart.series[0].points.count == 3)
        #expect(chart.series[0].points[1].hover == "LAT, layer 2: 0.300")
        #expect(chart.frame.xTicks.map(\.label) == ["input", "layer 1", "layer 2", "layer 3"])
        #expect(chart.frame.legend.map(\.label) == ["LAT"])
    }

    @Test func scatterCurveFollowsTheFitAndDotsTheirValence() throws {
        let fit = QuadraticFit(b0: 0.1, b1: -0.04, b2: 0.004, rSquared: 0.06)
        let scatter = ScatterContent(methodID: "lat", lexicon: "Warriner",
                                     points: [ScatterPoint(word: "happy", valence: 8.5, score: 0.07, occurrences: 4),
                                              ScatterPoint(word: "bad", valence: .nan, score: 0.07, occurrences: 4)],
                                     fit: fit, comparison: [])
        let chart = ScatterChart(scatter, methodName: "LAT")
        #expect(chart.points.count == 1)
        #expect(chart.points[0].colorClass == "v9")
        #expect(chart.curve.hasPrefix("M"))
        #expect(chart.description.contains("0.1 − 0.04·v + 0.004·v²"))
        #expect(chart.frame.xTicks.first?.label == "1" && chart.frame.xTicks.last?.label == "9")
    }

    @Test func barsAreColouredByValenceAndLinkOnlyToExistingPages() {
        let list = TopWordList(methodID: "lat", words: [TopWord(word: "awful", score: 0.2, valence: 2.2),
                                                        TopWord(word: "zzz", score: 0.1, valence: nil)])
        let bars = BarList(list, methodName: "LAT") { $0 == "awful" ? "../words/awful.html" : nil }
        #expect(bars.bars.map(\.colorClass) == ["v2", "v0"])
        #expect(bars.bars.map(\.hasPage) == [true, false])
        #expect(bars.bars[0].barWidth == "170" && bars.bars[1].barWidth == "85")
    }
}
