// TraceRecord: one example of the trace output file (one JSON Lines line): tokens, label, prediction, every method's attribution.

import Foundation

/// A label or a prediction: a class index (classification) or a value (regression).
/// Encoded as `{"class": 3}` or `{"value": 0.25}`, so the two never get confused in JSON.
public enum TraceTarget: Codable, Equatable, Sendable {
    case classIndex(Int)
    case value(Double)

    private enum CodingKeys: String, CodingKey { case classIndex = "class", value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let index = try container.decodeIfPresent(Int.self, forKey: .classIndex) {
            self = .classIndex(index)
        } else {
            self = .value(try container.decode(Double.self, forKey: .value))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .classIndex(let index): try container.encode(index, forKey: .classIndex)
        case .value(let value): try container.encode(value, forKey: .value)
        }
    }
}

/// Everything traced for one example.
public struct TraceRecord: Codable, Equatable, Sendable {
    public var id: String
    public var tokens: [String]
    public var label: TraceTarget
    public var prediction: TraceTarget
    /// Class probabilities of the prediction (classification only).
    public var probabilities: [Float]?
    public var attributions: [MethodID: Attribution]
    /// The completeness error of the integrated-gradients attribution, when it was computed.
    public var integratedGradientsError: CompletenessError?
    /// True when the text was longer than the model's maximum length and was cut.
    public var isTruncated: Bool
    /// LAT's heaviest edges between adjacent layers (`latConnections`), for the connection drawing; nil when
    /// not recorded.
    public var connections: [TraceEdge]?

    private enum CodingKeys: String, CodingKey {
        case id, tokens, label, prediction, probabilities, attributions, integratedGradientsError
        case isTruncated = "truncated"
        case connections
    }

    public init(id: String, tokens: [String], label: TraceTarget, prediction: TraceTarget,
                probabilities: [Float]? = nil, attributions: [MethodID: Attribution],
                integratedGradientsError: CompletenessError? = nil, isTruncated: Bool = false,
                connections: [TraceEdge]? = nil) {
        self.id = id
        self.tokens = tokens
        self.label = label
        self.prediction = prediction
        self.probabilities = probabilities
        self.attributions = attributions
        self.integratedGradientsError = integratedGradientsError
        self.isTruncated = isTruncated
        self.connections = connections
    }
}
