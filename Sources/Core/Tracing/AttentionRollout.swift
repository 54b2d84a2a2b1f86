// AttentionRollout: Abnar & Zuidema (2020) rollout with the residual term, started from the context attention.

/// Attention rollout: W^l = rownorm(0.5 · Ā^l + 0.5 · I) with Ā^l the head mean of layer l;
/// s^L = α, s^{l−1} = s^l · W^l. `layers[l]` = s^l, `scores` = s^0 (mass 1 at every depth).
///
/// Equivalent to α · W^L · … · W^1, i.e. the rollout matrix applied to the pooled output.
///
/// Reference: Abnar & Zuidema, "Quantifying Attention Flow in Transformers", ACL 2020, arXiv:2005.00928.
public struct AttentionRollout: AttentionAttributionMethod {
    public var id: MethodID { .rollout }

    public init() {}

    public func attribute(_ maps: AttentionMaps) -> Attribution {
        let n = maps.tokens
        let matrices = residualHeadMeans(maps)
        let traces = propagateDown(maps.context, layers: maps.layers, tokens: n, matrices: matrices) { $0 * n * n }
        return Attribution(scores: traces[0], layers: traces)
    }
}
