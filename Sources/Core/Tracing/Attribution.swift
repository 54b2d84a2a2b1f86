// Attribution: one method's scores for the tokens of one example, with its layer-by-layer traces.

/// What an attribution method says about one example of n tokens.
///
/// - `scores`: n, the score of each input token.
/// - `layers`: for methods with depth, L + 1 traces of n scores, indexed by depth:
///   `layers[l]` = s^l, the scores over the tokens of layer l (l = 0 the input / embedding layer,
///   l = L the last encoder layer, where the context attention α lives). So `layers[L]` is the
///   starting point (α, or H·α for summed LAT) and `layers[0]` is the input scores.
/// - `heads`: LAT only, H × (L + 1) × n, `heads[h][l]` = s^{l,h}, the chain of head h.
public struct Attribution: Codable, Equatable, Sendable {
    public var scores: [Float]
    public var layers: [[Float]]?
    public var heads: [[[Float]]]?

    public init(scores: [Float], layers: [[Float]]? = nil, heads: [[[Float]]]? = nil) {
        self.scores = scores
        self.layers = layers
        self.heads = heads
    }
}

extension Attribution {
    /// The same attribution with no positions: empty scores, and each layer's and head's row empty (the record
    /// of an empty text).
    var withoutPositions: Attribution {
        Attribution(scores: [], layers: layers.map { $0.map { _ in [] } }, heads: heads.map { $0.map { $0.map { _ in [] } } })
    }
}
