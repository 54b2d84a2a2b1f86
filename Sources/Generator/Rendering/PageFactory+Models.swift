// PageFactory+Models: the example page's model selector and its side-by-side view (readable without scripts).

extension ExamplePage {
    /// One model in the selector and in the "Models compared" list.
    struct ModelView: Sendable {
        var index: String
        var label: String
        var predictedLabel: String
        var isCorrect: Bool
        var isSelected: Bool
        /// The model's `ExampleTraceJSON` for the script; empty for the page's own model (it is on #tokens).
        var traceJSON: String
        var hasTrace: Bool
        /// The sentence highlighted by the model's first method (LAT) at the input, as plain HTML.
        var tokens: [Token]
        var caption: String
        var completenessError: String
        var hasCompletenessError: Bool
    }
}

extension PageFactory {
    func modelViews(_ example: ExampleContent) -> [ExamplePage.ModelView] {
        guard example.models.count > 1 else { return [] }
        return example.models.enumerated().map { index, model in
            let traces = orderedTraces(model.traces)
            let shown = traces.first
            let scores = shown?.layers.first ?? []
            let isSigned = shown?.layers.contains { $0.contains { $0 < 0 } } ?? false
            let tokens = highlightedTokens(example, scores: scores, isSigned: isSigned)
            let layers = shown?.layers.count ?? 0
            return ExamplePage.ModelView(
                index: String(index), label: model.label, predictedLabel: model.predictedLabel,
                isCorrect: model.predictedLabel == example.trueLabel, isSelected: index == 0,
                traceJSON: index == 0 ? "" : ExampleTraceJSON.encode(traces, names: nil, defaultMethod: shown?.methodID ?? ""),
                hasTrace: index > 0, tokens: tokens,
                caption: shown.map { "\(methodName($0.methodID)), \(PageFactory.layerName(0, count: layers))" } ?? "",
                completenessError: model.completenessError.map { Formatting.fixed($0 * 100, digits: 1) + "%" } ?? "",
                hasCompletenessError: model.completenessError != nil)
        }
    }
}
