// ExampleModel: one model's view of an example (its prediction and every method's scores), for the model selector.

/// What one model made of an example: shown side by side with the other models traced on the same sentence.
public struct ExampleModel: Sendable, Equatable {
    /// The corpus (configuration entry) the model belongs to.
    public var corpusID: String
    /// A short label for the selector, e.g. "Transformer trained from scratch".
    public var label: String
    public var predictedLabel: String
    public var traces: [MethodTrace]
    public var completenessError: Double?

    public init(corpusID: String, label: String, predictedLabel: String, traces: [MethodTrace],
                completenessError: Double? = nil) {
        self.corpusID = corpusID
        self.label = label
        self.predictedLabel = predictedLabel
        self.traces = traces
        self.completenessError = completenessError
    }
}
