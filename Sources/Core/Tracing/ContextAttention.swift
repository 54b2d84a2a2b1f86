// ContextAttention: the context (pooling) attention α over the last layer, used alone as token scores.

/// Context attention only: `scores` = α, the attention pooling weights over the last layer's tokens.
/// No depth: `layers` is nil.
public struct ContextAttention: AttentionAttributionMethod {
    public var id: MethodID { .context }

    public init() {}

    public func attribute(_ maps: AttentionMaps) -> Attribution {
        Attribution(scores: maps.context)
    }
}
