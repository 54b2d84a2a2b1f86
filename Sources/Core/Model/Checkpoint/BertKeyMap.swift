// BertKeyMap: the one place that renames Hugging Face BERT checkpoint tensors onto BertEncoder's layout.

/// Maps Hugging Face BERT tensor names (with or without the `bert.` prefix of task models) onto
/// the names of `BertEncoder.layout`:
/// ```
/// embeddings.word_embeddings.weight              → embeddings.word.weight
/// embeddings.position_embeddings.weight          → embeddings.position.weight
/// embeddings.token_type_embeddings.weight        → embeddings.token_type.weight
/// embeddings.LayerNorm.{weight,bias}             → embeddings.norm.{weight,bias}
/// encoder.layer.N.attention.self.{query,key,value}.* → encoder.layers.N.attention.{query,key,value}.*
/// encoder.layer.N.attention.output.dense.*       → encoder.layers.N.attention.output.*
/// encoder.layer.N.attention.output.LayerNorm.*   → encoder.layers.N.attention_norm.*
/// encoder.layer.N.intermediate.dense.*           → encoder.layers.N.feed_forward.inner.*
/// encoder.layer.N.output.dense.*                 → encoder.layers.N.feed_forward.outer.*
/// encoder.layer.N.output.LayerNorm.*             → encoder.layers.N.feed_forward_norm.*
/// ```
/// Old TensorFlow-converted names `LayerNorm.gamma`/`LayerNorm.beta` are read as weight/bias.
/// Left to the encoder's head: `pooler.*` and a BertForSequenceClassification's `classifier.*` (attention pooling
/// uses neither; `BertClassifierHead` reads both). Dropped: `embeddings.position_ids` (a constant index buffer).
/// Any other name is unknown.
public enum BertKeyMap {
    /// What a checkpoint name becomes.
    public enum Target: Equatable, Sendable {
        case parameter(String)
        case ignored
        case unknown
    }

    public static func target(for checkpointName: String) -> Target {
        var name = Substring(checkpointName)
        if name.hasPrefix("bert.") { name = name.dropFirst(5) }
        // The pooler and a BertForSequenceClassification's classifier are the head's (`BertClassifierHead`).
        if name.hasPrefix("pooler.") || checkpointName.hasPrefix("classifier.") || name == "embeddings.position_ids" {
            return .ignored
        }
        var parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let last = parts.last else { return .unknown }
        switch last {
        case "gamma": parts[parts.count - 1] = "weight"
        case "beta": parts[parts.count - 1] = "bias"
        case "weight", "bias": break
        default: return .unknown
        }
        let suffix = parts.removeLast()
        let path = parts.joined(separator: ".")
        if let mapped = embeddingModules[path] {
            return mapped == "embeddings.norm" || suffix == "weight" ? .parameter(mapped + "." + suffix) : .unknown
        }
        guard parts.count >= 4, parts[0] == "encoder", parts[1] == "layer", let layer = Int(parts[2]), layer >= 0,
              String(layer) == parts[2] else { return .unknown }
        let inner = parts[3...].joined(separator: ".")
        guard let mapped = layerModules[inner] else { return .unknown }
        return .parameter("encoder.layers.\(layer).\(mapped).\(suffix)")
    }

    /// The Hugging Face name of a `BertEncoder.layout` tensor, as `BertForSequenceClassification` saves it
    /// (`bert.` + the encoder name): the inverse of `target(for:)`, from the same tables. Nil for a name that is not
    /// the encoder's.
    public static func checkpointName(for layoutName: String) -> String? {
        var parts = layoutName.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let suffix = parts.popLast(), suffix == "weight" || suffix == "bias" else { return nil }
        let path = parts.joined(separator: ".")
        if let module = embeddingModules.first(where: { $0.value == path })?.key {
            return path == "embeddings.norm" || suffix == "weight" ? "bert.\(module).\(suffix)" : nil
        }
        guard parts.count >= 4, parts[0] == "encoder", parts[1] == "layers", let layer = Int(parts[2]),
              String(layer) == parts[2] else { return nil }
        let inner = parts[3...].joined(separator: ".")
        guard let module = layerModules.first(where: { $0.value == inner })?.key else { return nil }
        return "bert.encoder.layer.\(layer).\(module).\(suffix)"
    }

    /// Hugging Face embedding module → layout module (the tables of both directions).
    static let embeddingModules = ["embeddings.word_embeddings": "embeddings.word",
                                   "embeddings.position_embeddings": "embeddings.position",
                                   "embeddings.token_type_embeddings": "embeddings.token_type",
                                   "embeddings.LayerNorm": "embeddings.norm"]
    /// Hugging Face module inside `encoder.layer.N` → layout module inside `encoder.layers.N`.
    static let layerModules = ["attention.self.query": "attention.query", "attention.self.key": "attention.key",
                               "attention.self.value": "attention.value", "attention.output.dense": "attention.output",
                               "attention.output.LayerNorm": "attention_norm", "intermediate.dense": "feed_forward.inner",
                               "output.dense": "feed_forward.outer", "output.LayerNorm": "feed_forward_norm"]
}
