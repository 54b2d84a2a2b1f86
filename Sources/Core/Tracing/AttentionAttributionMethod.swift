// AttentionAttributionMethod: the one protocol every attention-based attribution method conforms to.

/// A method that turns the attention maps of one example into token scores.
public protocol AttentionAttributionMethod: Sendable {
    /// The stable id under which results are stored.
    var id: MethodID { get }
    /// The attribution for one example (n real tokens, no padding).
    func attribute(_ maps: AttentionMaps) -> Attribution
}

/// The default set of attention-based methods, in table order.
public func makeAttentionAttributionMethods() -> [any AttentionAttributionMethod] {
    [LayerwiseAttentionTracing(), HeadAveragedAttentionTracing(), AttentionRollout(),
     ContextAttention(), RawAttention(), AttentionFlow()]
}
