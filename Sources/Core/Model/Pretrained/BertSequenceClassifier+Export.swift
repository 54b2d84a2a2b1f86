// BertSequenceClassifier+Export: the classifier as a Hugging Face BertForSequenceClassification folder's two model
// files — model.safetensors under transformers' names, and config.json with the architecture and label names.
import Foundation

extension BertSequenceClassifier {
    /// Every tensor under the name `BertForSequenceClassification.save_pretrained` gives it (`bert.embeddings.*`,
    /// `bert.encoder.layer.N.*`, `bert.pooler.dense.*`, `classifier.*`), in layout order.
    public func checkpointTensors() -> [(name: String, tensor: Tensor)] {
        let encoderTensors = encoder.layout.entries.map { entry -> (name: String, tensor: Tensor) in
            guard let name = BertKeyMap.checkpointName(for: entry.name) else {
                preconditionFailure("no Hugging Face name for encoder tensor \(entry.name)")
            }
            return (name, encoder.parameter(named: entry.name)!)
        }
        let headTensors = head.layout.entries.map { entry -> (name: String, tensor: Tensor) in
            let name = entry.name.hasPrefix("pooler.") ? "bert." + entry.name : entry.name
            return (name, Tensor(shape: entry.shape, scalars: Array(head.parameters[entry.offset..<(entry.offset + entry.count)])))
        }
        return encoderTensors + headTensors
    }

    /// model.safetensors: `checkpointTensors()` in float32, with the metadata transformers writes (`format: pt`).
    public func safetensors() -> [UInt8] {
        Safetensors.encode(checkpointTensors(), metadata: ["format": "pt"])
    }

    /// config.json: the encoder's own `base` configuration (every key kept) with the architecture
    /// `BertForSequenceClassification`, `id2label`/`label2id` from `labels` (class order) and `problem_type`, keys
    /// sorted so the same model gives the same bytes (`num_labels` is dropped: transformers counts `id2label`).
    public func configJSON(base: Data, source: String) throws -> Data {
        guard var object = try JSONSerialization.jsonObject(with: base) as? [String: Any] else {
            throw AtlasError(source: source, message: "config.json is not a JSON object")
        }
        let names = labels ?? (0..<head.classes).map { "LABEL_\($0)" }
        object["architectures"] = ["BertForSequenceClassification"]
        object["id2label"] = Dictionary(uniqueKeysWithValues: names.enumerated().map { (String($0.offset), $0.element) })
        object["label2id"] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
        object["num_labels"] = nil
        if object["problem_type"] == nil { object["problem_type"] = "single_label_classification" }
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }
}
