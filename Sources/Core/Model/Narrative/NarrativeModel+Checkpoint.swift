// NarrativeModel+Checkpoint: both arenas as named tensors for a checkpoint, and loading them back with checks.

extension NarrativeModel {
    /// Every parameter: the encoder's under `encoder.` (its own names), then the LSTM and the output layer.
    public var checkpointTensors: [(name: String, tensor: Tensor)] {
        encoder.parameters.map { ("encoder." + $0.name, $0.tensor) } + headParameters
    }

    /// Replaces every parameter from tensors named as `checkpointTensors`. Every name must be known, none
    /// missing or repeated, every shape must match; otherwise nothing changes and the error names the tensor.
    public mutating func load(_ tensors: [(name: String, tensor: Tensor)], source: String) throws {
        let prefix = "encoder."
        let encoderTensors = tensors.filter { $0.name.hasPrefix(prefix) }.map { (name: String($0.name.dropFirst(prefix.count)), tensor: $0.tensor) }
        let head = tensors.filter { !$0.name.hasPrefix(prefix) }
        try layout.check(head, source: source)
        var loaded = encoder
        try loaded.load(encoderTensors, source: source)
        encoder = loaded
        makeUnique()
        layout.copy(head, into: storage.parameters.pointer)
    }
}
