// TrainingExample: one token sequence with its target, the unit the batcher and trainer work on.

/// A tokenised example: ids (no padding, at least one) and its class or value.
public struct TrainingExample: Sendable, Equatable {
    public var ids: [Int32]
    public var target: TrainingTarget

    public init(ids: [Int32], target: TrainingTarget) {
        self.ids = ids
        self.target = target
    }
}
