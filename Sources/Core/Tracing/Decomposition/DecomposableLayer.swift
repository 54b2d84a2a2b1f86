// DecomposableLayer: what the decomposition methods need of a post-LN layer kind (the Transformer's and BERT's).

/// A post-LN encoder layer whose forward caches hold what `LayerDecomposition` reads.
protocol DecomposableLayer {
    associatedtype Cache: DecomposableLayerCache
    var attention: MultiHeadAttention { get }
    var attentionNorm: LayerNorm { get }
    var feedForwardNorm: LayerNorm { get }
    func forwardFromAttentionSum(_ s1: UnsafePointer<Float>, rows: Int, parameters p: UnsafePointer<Float>,
                                 into y: UnsafeMutablePointer<Float>)
}

/// The attention cache and both layer norms' rstd of a forward pass.
protocol DecomposableLayerCache {
    var attention: MultiHeadAttention.Cache { get }
    var rstd1: UnsafeMutablePointer<Float> { get }
    var rstd2: UnsafeMutablePointer<Float> { get }
}

extension EncoderLayer: DecomposableLayer {}
extension EncoderLayer.Cache: DecomposableLayerCache {}
extension BertLayer: DecomposableLayer {}
extension BertLayer.Cache: DecomposableLayerCache {}

extension DecomposedEncoder {
    /// Example `b` of the forward pass through `layers` (inputs `hidden[l]`, caches `caches[l]`), decomposed.
    init<Layer: DecomposableLayer>(layers: [Layer], caches: [Layer.Cache], hidden: [UnsafeMutablePointer<Float>],
                                   parameters p: UnsafePointer<Float>, example b: Int, shape: BatchShape,
                                   methods: Set<MethodID>) {
        let perLayer = layers.indices.map { l in
            LayerDecomposition(attention: layers[l].attention, norm1: layers[l].attentionNorm,
                               norm2: layers[l].feedForwardNorm, parameters: p, input: hidden[l],
                               cache: caches[l].attention, rstd1: caches[l].rstd1, rstd2: caches[l].rstd2,
                               example: b, length: shape.length, tokens: shape.lengths[b])
        }
        let tails: [LayerTail?] = layers.map { layer in
            methods.contains(.valueZeroing)
                ? layerTail(width: layer.attentionNorm.width) {
                    layer.forwardFromAttentionSum($0, rows: $1, parameters: p, into: $2)
                } : nil
        }
        self.init(perLayer, methods: methods, tails: tails)
    }
}
