// BertEncoder+Loading: builds an encoder from checkpoint tensors, refusing any unknown, missing, misshapen or duplicated tensor.

extension BertEncoder {
    /// Loads `checkpoint` (Hugging Face names, see `BertKeyMap`) into an encoder of `configuration`.
    ///
    /// Every layout tensor must be provided exactly once with its layout shape; every checkpoint tensor
    /// must map to a layout tensor or be one `BertKeyMap` ignores. F16/BF16 tensors arrive already widened
    /// to F32 (`Safetensors.Contents.storedTypes` says which). `source` names the file in errors.
    public init(configuration: BertConfiguration, checkpoint: Safetensors.Contents, source: String) throws {
        try configuration.validate(source: source)
        var layout = ParameterLayout()
        let embeddings = BertEmbeddings(configuration: configuration, layout: &layout)
        let layers = (0..<configuration.layers).map {
            BertLayer("encoder.layers.\($0)", configuration: configuration, layout: &layout)
        }
        let parameters = FloatBuffer(count: layout.count)
        var filled: [String: String] = [:]  // layout name → checkpoint name
        for (name, dtype) in checkpoint.integerTensors.sorted(by: { $0.key < $1.key })
        where BertKeyMap.target(for: name) != .ignored {
            throw AtlasError(source: source, message: "tensor \"\(name)\" has integer dtype \(dtype) and is not a BERT weight",
                             hint: "only floating-point BERT weights (and embeddings.position_ids) are expected")
        }
        for (name, tensor) in checkpoint.tensors.sorted(by: { $0.name < $1.name }) {
            switch BertKeyMap.target(for: name) {
            case .ignored: continue
            case .unknown:
                throw AtlasError(source: source, message: "unknown tensor \"\(name)\"",
                                 hint: "this is not a BERT encoder checkpoint this loader understands (see BertKeyMap)")
            case .parameter(let target):
                guard let entry = layout.entry(named: target) else {
                    throw AtlasError(source: source, message: "tensor \"\(name)\" has no place in a \(configuration.layers)-layer encoder",
                                     hint: "num_hidden_layers in config.json disagrees with the checkpoint")
                }
                if let earlier = filled[target] {
                    throw AtlasError(source: source, message: "tensors \"\(earlier)\" and \"\(name)\" both provide \(target)")
                }
                guard tensor.shape == entry.shape else {
                    throw AtlasError(source: source, message: "tensor \"\(name)\" has shape \(tensor.shape), expected \(entry.shape)",
                                     hint: "config.json disagrees with the checkpoint")
                }
                tensor.withUnsafeBufferPointer { (parameters.pointer + entry.offset).update(from: $0.baseAddress!, count: entry.count) }
                filled[target] = name
            }
        }
        let missing = layout.entries.map(\.name).filter { filled[$0] == nil }
        guard missing.isEmpty else {
            throw AtlasError(source: source,
                             message: "missing \(missing.count) tensor(s): \(missing.prefix(5).joined(separator: ", "))"
                                 + (missing.count > 5 ? ", …" : ""),
                             hint: "the checkpoint must hold every BERT encoder weight (names as in BertKeyMap)")
        }
        self.init(configuration: configuration, layout: layout, embeddings: embeddings, layers: layers,
                  parameters: parameters)
    }
}
