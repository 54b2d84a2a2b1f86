// MethodID: the stable names of every attribution method, used as keys in trace files and on the site.

/// Every attribution method, with a stable string id (the raw value; never rename one) and a
/// display name. The ids are the keys of `TraceRecord.attributions` in the JSON Lines output.
public enum MethodID: String, Codable, CodingKeyRepresentable, CaseIterable, Hashable, Comparable, Sendable {
    case lat = "lat"
    case latMean = "lat-mean"
    case rollout = "rollout"
    case context = "context"
    case rawAttention = "raw-attention"
    case attentionFlow = "attention-flow"
    case latNorm = "lat-norm"
    case norm = "norm"
    case normResidual = "norm-residual"
    case globEnc = "globenc"
    case alti = "alti"
    case valueZeroing = "value-zeroing"
    case gradientSensitivity = "gradient-sensitivity"
    case gradientTimesInput = "gradient-times-input"
    case integratedGradients = "integrated-gradients"
    case random = "random"

    /// The name shown to readers (the site's tables, charts and Methods page).
    public var displayName: String {
        switch self {
        case .lat: "LAT (paper)"
        case .latMean: "LAT, heads averaged"
        case .rollout: "Attention rollout"
        case .context: "Context attention"
        case .rawAttention: "Raw attention"
        case .attentionFlow: "Attention flow"
        case .latNorm: "LAT, norm-weighted"
        case .norm: "Norm-based attention"
        case .normResidual: "Norm + residual + LN"
        case .globEnc: "GlobEnc"
        case .alti: "ALTI"
        case .valueZeroing: "Value zeroing"
        case .gradientSensitivity: "Gradient sensitivity"
        case .gradientTimesInput: "Gradient × input"
        case .integratedGradients: "Integrated gradients"
        case .random: "Random attribution"
        }
    }

    /// What the method computes, in one sentence for the Methods page (the formulas are in each method's file).
    public var summary: String {
        switch self {
        case .lat: "Context attention traced down each head's chain of attention matrices, summed over heads at the input."
        case .latMean: "LAT with the heads of each layer averaged before tracing."
        case .rollout: "Head-averaged attention plus the residual path (0.5·A + 0.5·I), multiplied through the layers from α."
        case .attentionFlow: "Maximum flow from the pooled output to each input word through the residual-corrected attention graph."
        case .context: "The pooling attention α over the last layer alone."
        case .latNorm: "LAT's per-head chains over what each head moves, A·‖f(x_j)‖ (rows normalised), instead of A."
        case .norm: "‖Σ_h A_ij f_h(x_j)‖ per layer (Kobayashi et al. 2020), rows normalised, composed from α like rollout."
        case .normResidual: "The norm of what j moves to i through attention, residual and the first layer norm (Kobayashi et al. 2021), composed from α."
        case .globEnc: "Norm-based contributions through attention, residual and both layer norms, the feed-forward bypassed (Modarressi et al. 2022), composed from α."
        case .alti: "Manhattan proximity of each position's transformed vector to the layer's output (Ferrando et al. 2022), composed from α."
        case .valueZeroing: "Cosine distance of a layer's output when one position's value vectors are zeroed (Mohebbi et al. 2023), composed from α."
        case .rawAttention: "Attention each token receives in a layer, averaged over heads and query positions."
        case .gradientSensitivity: "Norm of the explained output's gradient with respect to each word's embedding."
        case .gradientTimesInput: "Gradient dotted with the embedding: a signed first-order contribution."
        case .integratedGradients: "Gradients along the straight path from a zero baseline, times the input (Gauss–Legendre quadrature)."
        case .random: "Independent uniform scores per word (seeded): the baseline of the faithfulness and plausibility figures."
        }
    }

    /// Whether the method decomposes the layers (value vectors, residual, layer norms; `DecomposedEncoder`).
    public var isDecomposition: Bool { DecomposedEncoder.methods.contains(self) }

    /// Whether the method reads only attention maps (one forward pass, no gradients).
    public var isAttentionBased: Bool {
        switch self {
        case .lat, .latMean, .rollout, .context, .rawAttention, .attentionFlow: true
        case .latNorm, .norm, .normResidual, .globEnc, .alti, .valueZeroing: false
        case .gradientSensitivity, .gradientTimesInput, .integratedGradients, .random: false
        }
    }

    /// The order of declaration, so sorted collections follow the table order above.
    public static func < (a: MethodID, b: MethodID) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
