// AttentionPoolingHead+Checkpoint: the head's parameters as named tensors (for safetensors) and back, and its metrics.

extension AttentionPoolingHead {
    /// The parameters as named tensors in layout order (`pooling.hidden.weight`, …, `output.bias`).
    public var namedTensors: [(name: String, tensor: Tensor)] {
        layout.entries.map { entry in
            (entry.name, Tensor(shape: entry.shape, scalars: Array(parameters[entry.offset..<(entry.offset + entry.count)])))
        }
    }

    /// A head of the given sizes holding `tensors` (every layout tensor exactly once, with its shape).
    /// `source` names the file in errors.
    public init(width: Int, poolingHidden: Int, classes: Int, tensors: [(name: String, tensor: Tensor)],
                source: String) throws {
        self.init(width: width, poolingHidden: poolingHidden, classes: classes, seed: 0)
        let byName = Dictionary(tensors.map { ($0.name, $0.tensor) }, uniquingKeysWith: { a, _ in a })
        let unknown = Set(byName.keys).subtracting(layout.entries.map(\.name)).sorted()
        guard unknown.isEmpty else {
            throw AtlasError(source: source, message: "unknown head tensor(s): \(unknown.joined(separator: ", "))")
        }
        for entry in layout.entries {
            guard let tensor = byName[entry.name] else {
                throw AtlasError(source: source, message: "missing head tensor \(entry.name)")
            }
            guard tensor.shape == entry.shape else {
                throw AtlasError(source: source, message: "head tensor \(entry.name) has shape \(tensor.shape), expected \(entry.shape)")
            }
            parameters.replaceSubrange(entry.offset..<(entry.offset + entry.count), with: tensor.scalars)
        }
    }

    /// Cross-entropy, accuracy, macro-F1 and the confusion matrix on encoded sentences.
    public func evaluate(_ sentences: [EncodedSentence]) -> EvaluationResult {
        precondition(!sentences.isEmpty, "cannot evaluate on no sentences")
        var predicted: [Int] = [], total = 0.0
        for start in stride(from: 0, to: sentences.count, by: 64) {
            let batch = Array(sentences[start..<min(sentences.count, start + 64)])
            let (hidden, lengths) = Self.padded(batch.map(\.hidden))
            let logits = run(hidden: hidden, lengths: lengths).logits.scalars
            var gradient = [Float](repeating: 0, count: logits.count)
            let loss = logits.withUnsafeBufferPointer { z in
                gradient.withUnsafeMutableBufferPointer {
                    SoftmaxCrossEntropy.lossAndGradient(logits: z.baseAddress!, targets: batch.map(\.label),
                                                        classes: classes, gradient: $0.baseAddress!)
                }
            }
            total += Double(loss) * Double(batch.count)
            for b in batch.indices {
                let row = logits[(b * classes)..<((b + 1) * classes)]
                predicted.append(row.indices.max { row[$0] < row[$1] }! - b * classes)
            }
        }
        return EvaluationResult(loss: total / Double(sentences.count), predicted: predicted, gold: sentences.map(\.label),
                                classes: classes)
    }
}
