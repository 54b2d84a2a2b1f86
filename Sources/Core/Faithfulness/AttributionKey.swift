// AttributionKey: names one score vector of an example: a method, and for layer-wise methods the depth.

/// A method, optionally at one depth of its trace (`layer` indexes `Attribution.layers`; nil means
/// the method's `scores`). Sorted by method (table order), then layer (nil first).
public struct AttributionKey: Codable, CodingKeyRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var method: MethodID
    public var layer: Int?

    public init(_ method: MethodID, layer: Int? = nil) {
        self.method = method
        self.layer = layer
    }

    public static func < (a: AttributionKey, b: AttributionKey) -> Bool {
        if a.method != b.method { return a.method < b.method }
        return (a.layer ?? -1) < (b.layer ?? -1)
    }

    /// "lat" or "lat@3".
    public var description: String { method.rawValue + (layer.map { "@\($0)" } ?? "") }

    /// Parses "lat" or "lat@3"; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard let method = MethodID(rawValue: String(parts[0])) else { return nil }
        if parts.count == 2 {
            guard let layer = Int(parts[1]), layer >= 0 else { return nil }
            self.init(method, layer: layer)
        } else {
            self.init(method)
        }
    }

    /// As a value, too, a key is its `description` ("lat@3"), as it reads as a dictionary key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let key = AttributionKey(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an attribution key: \(text)")
        }
        self = key
    }

    /// As a dictionary key, a key is written as its `description`, so reports read `{"lat@3": …}`.
    public var codingKey: any CodingKey { TextKey(stringValue: description) }

    public init?<T: CodingKey>(codingKey: T) { self.init(codingKey.stringValue) }

    private struct TextKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension AttributionKey {
    /// Every score vector of one example's attributions, keyed for the faithfulness and plausibility
    /// tables: each method's `scores` under `AttributionKey(method)` and, when `includesLayers`, each
    /// depth l of its `layers` under `AttributionKey(method, layer: l)`.
    public static func scoreVectors(of attributions: [MethodID: Attribution],
                                    includesLayers: Bool = true) -> [AttributionKey: [Float]] {
        var vectors = [AttributionKey: [Float]]()
        for (method, attribution) in attributions {
            vectors[AttributionKey(method)] = attribution.scores
            guard includesLayers, let layers = attribution.layers else { continue }
            for (l, trace) in layers.enumerated() { vectors[AttributionKey(method, layer: l)] = trace }
        }
        return vectors
    }
}
