// TracingOptions: which methods the tracer runs, and how it batches and parallelises them.

/// What to compute when tracing.
public struct TracingOptions: Sendable {
    /// The attention-based methods (LAT, LAT-mean, rollout, context, raw attention, attention flow by default).
    public var attentionMethods: [any AttentionAttributionMethod] = makeAttentionAttributionMethods()
    /// The decomposition methods (norm-weighted LAT, norm, norm + residual + LN, GlobEnc, ALTI, value zeroing).
    public var decompositionMethods: Set<MethodID> = Set(DecomposedEncoder.methods)
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

extension TracingOptions {
    /// These options with only the methods in `methods` (gradient sensitivity and gradient × input come from one
    /// backward pass: either keeps both; random attribution is drawn at evaluation time, not by the tracer).
    public func keepingOnly(_ methods: Set<MethodID>) -> TracingOptions {
        var options = self
        options.attentionMethods = attentionMethods.filter { methods.contains($0.id) }
        options.decompositionMethods = decompositionMethods.intersection(methods)
        options.includesGradients = includesGradients
            && !methods.isDisjoint(with: [.gradientSensitivity, .gradientTimesInput])
        if !methods.contains(.integratedGradients) { options.integratedGradients = nil }
        return options
    }
}
