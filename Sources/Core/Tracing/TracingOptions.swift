// TracingOptions: which methods the tracer runs, and how it batches and parallelises them.

/// What to compute when tracing.
public struct TracingOptions: Sendable {
    /// The attention-based methods (LAT, LAT-mean, rollout, context, raw attention, attention flow by default).
    public var attentionMethods: [any AttentionAttributionMethod] = makeAttentionAttributionMethods()
    /// Gradient sensitivity and gradient × input.
    public var includesGradients = true
    /// Integrated gradients, or nil to skip them.
    public var integratedGradients: IntegratedGradients? = IntegratedGradients()
    /// Sentences per forward pass of the attention methods.
    public var batchSize = 64
    /// Worker threads; each works on its own copy of the model.
    public var threads = 2
    /// LAT edges kept per pair of adjacent layers for the connection drawing (0 records none).
    public var connectionsPerLayer = 8

    public init() {}
}
