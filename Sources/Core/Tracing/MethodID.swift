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
    case gradientSensitivity = "gradient-sensitivity"
    case gradientTimesInput = "gradient-times-input"
    case integratedGradients = "integrated-gradients"
    case random = "random"

    /// The name shown to readers.
    public var displayName: String {
        switch self {
        case .lat: "LAT (per-head chains)"
        case .latMean: "LAT (heads averaged)"
        case .rollout: "Attention rollout"
        case .context: "Context attention"
        case .rawAttention: "Raw attention"
        case .attentionFlow: "Attention flow"
        case .gradientSensitivity: "Gradient sensitivity"
        case .gradientTimesInput: "Gradient × input"
        case .integratedGradients: "Integrated gradients"
        case .random: "Random (baseline)"
        }
    }

    /// Whether the method reads only attention maps (one forward pass, no gradients).
    public var isAttentionBased: Bool {
        switch self {
        case .lat, .latMean, .rollout, .context, .rawAttention, .attentionFlow: true
        case .gradientSensitivity, .gradientTimesInput, .integratedGradients, .random: false
        }
    }

    /// The order of declaration, so sorted collections follow the table order above.
    public static func < (a: MethodID, b: MethodID) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
