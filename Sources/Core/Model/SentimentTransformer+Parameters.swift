// SentimentTransformer+Parameters: the arena as named tensors for saving, and loading with full checks.

extension SentimentTransformer {
    /// Every parameter as (name, tensor), in arena order (what a checkpoint stores).
    public var parameters: [(name: String, tensor: Tensor)] {
        let p = storage.parameters.pointer
        return layout.entries.map { entry in
            (entry.name, Tensor(shape: entry.shape,
                                scalars: Array(UnsafeBufferPointer(start: p + entry.offset, count: entry.count))))
        }
    }

    /// The parameter named `name`, if there is one.
    public func parameter(named name: String) -> Tensor? {
        guard let entry = layout.entry(named: name) else { return nil }
        return Tensor(shape: entry.shape, scalars: Array(UnsafeBufferPointer(
            start: storage.parameters.pointer + entry.offset, count: entry.count)))
    }

    /// Replaces every parameter. Every name must be known, none may be missing, and every shape must match;
    /// otherwise nothing changes and the error names the tensor. `source` is the checkpoint's name.
    public mutating func load(_ tensors: [(name: String, tensor: Tensor)], source: String) throws {
        try layout.check(tensors, source: source)
        makeUnique()
        layout.copy(tensors, into: storage.parameters.pointer)
    }

    /// Overwrites rows of the embedding table (e.g. with GloVe vectors): `vectors[id]` for each given id.
    /// The width must be the table's (`pretrained_embedding_width` or `model_width`).
    public mutating func setEmbeddingRows(_ vectors: [Int: [Float]]) {
        makeUnique()
        let p = storage.parameters.pointer
        for (id, vector) in vectors {
            precondition(id > 0 && id < embedding.vocabularySize, "embedding row \(id) out of range")
            precondition(vector.count == embedding.width, "vector width \(vector.count) != \(embedding.width)")
            let row = p + embedding.table + id * embedding.width
            vector.withUnsafeBufferPointer { row.update(from: $0.baseAddress!, count: embedding.width) }
        }
    }
}
