// DecomposedEncoder: every layer's contribution matrices for one traced item, and the methods composed from them.

/// The decomposition methods of one item: per method, L contribution matrices (flat L × n × n, storage index l
/// holding the paper's layer l + 1, as `AttentionMaps`), and for norm-weighted LAT the L × H norm-weighted head
/// maps. Built by the model from its forward pass (`LayerDecomposition.contributions`).
public struct DecomposedEncoder: Sendable {
    public let layers: Int
    public let heads: Int
    public let tokens: Int
    public var matrices: [MethodID: [Float]]
    /// L × H × n × n, or nil when norm-weighted LAT was not asked for.
    public var normWeightedHeads: [Float]?

    public init(layers: Int, heads: Int, tokens: Int, matrices: [MethodID: [Float]], normWeightedHeads: [Float]?) {
        self.layers = layers
        self.heads = heads
        self.tokens = tokens
        self.matrices = matrices
        self.normWeightedHeads = normWeightedHeads
    }

    /// Decomposes every layer of an item for `methods` (ids other than the decomposition ones are ignored).
    public init(_ perLayer: [LayerDecomposition], methods: Set<MethodID>, tails: [LayerTail?]) {
        precondition(!perLayer.isEmpty && tails.count == perLayer.count, "one tail per layer")
        let n = perLayer[0].tokens
        var matrices: [MethodID: [Float]] = [:]
        for (layer, tail) in zip(perLayer, tails) {
            for (id, matrix) in layer.contributions(methods, tail: tail) { matrices[id, default: []] += matrix }
        }
        let weighted = methods.contains(.latNorm) ? perLayer.flatMap { $0.normWeightedAttention() } : nil
        self.init(layers: perLayer.count, heads: perLayer[0].heads, tokens: n, matrices: matrices,
                  normWeightedHeads: weighted)
    }

    /// Every decomposition method's attribution from the context attention α (n): for a matrix method
    /// s^L = α, s^l = s^{l+1} · C^{l+1} (rollout's composition, without an added identity: the residual is inside
    /// the methods that model it); for norm-weighted LAT, LAT over the norm-weighted head maps.
    public func attributions(context: [Float]) -> [MethodID: Attribution] {
        precondition(context.count == tokens, "context attention has \(context.count) scores for \(tokens) positions")
        let n = tokens
        var result: [MethodID: Attribution] = [:]
        for (id, matrix) in matrices {
            let traces = propagateDown(context, layers: layers, tokens: n, matrices: matrix) { $0 * n * n }
            result[id] = Attribution(scores: traces[0], layers: traces)
        }
        if let weighted = normWeightedHeads {
            let maps = AttentionMaps(layers: layers, heads: heads, tokens: n, probabilities: weighted, context: context)
            var attribution = LayerwiseAttentionTracing(recordsHeads: false).attribute(maps)
            attribution.heads = nil
            result[.latNorm] = attribution
        }
        return result
    }

    /// The decomposition methods, in table order.
    public static let methods: [MethodID] = [.latNorm, .norm, .normResidual, .globEnc, .alti, .valueZeroing]
}
