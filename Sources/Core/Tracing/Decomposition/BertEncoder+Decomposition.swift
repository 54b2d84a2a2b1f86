// BertEncoder+Decomposition: the decomposition methods' inputs from BERT's post-LN layers (MiniLM).

extension BertEncoder {
    /// Every layer of example `b` of the last forward pass, decomposed for `methods`.
    func decomposition(example b: Int, methods: Set<MethodID>) -> DecomposedEncoder {
        guard let w = storage.workspace, let shape = lastShape else {
            preconditionFailure("decomposition(example:) needs a forward pass first")
        }
        return DecomposedEncoder(layers: layers, caches: w.layers, hidden: w.hidden,
                                 parameters: UnsafePointer(parameters.pointer), example: b, shape: shape,
                                 methods: methods)
    }
}
