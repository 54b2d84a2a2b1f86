// ExampleContentBuilder: one trace record → its example page: tokens, gold and predicted labels, every method's scores.
import Core
import Foundation

enum ExampleContentBuilder {
    static func content(_ record: TraceRecord, dataset: TaskDataset) -> ExampleContent {
        let traces = record.attributions.keys.sorted().map { id -> MethodTrace in
            let a = record.attributions[id]!
            let layers = a.layers ?? [a.scores]
            return MethodTrace(methodID: id.rawValue, layers: layers.map { $0.map(Double.init) })
        }
        return ExampleContent(id: record.id, tokens: record.tokens, trueLabel: describe(record.label, dataset),
                              predictedLabel: describe(record.prediction, dataset), traces: traces,
                              completenessError: record.integratedGradientsError?.relative,
                              isTruncated: record.isTruncated, connections: record.connections ?? [])
    }

    static func describe(_ target: TraceTarget, _ dataset: TaskDataset) -> String {
        switch target {
        case .classIndex(let c): dataset.describe(.classIndex(c))
        case .value(let v): String(format: "%.2f", v)
        }
    }
}
