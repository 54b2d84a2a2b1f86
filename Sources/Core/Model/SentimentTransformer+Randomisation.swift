// SentimentTransformer+Randomisation: the cascading model-randomisation control of Adebayo et al. (2018, "Sanity
// Checks for Saliency Maps"): the trained model with its blocks re-initialised from the output down.

/// One step of the cascade: a label for the site and the parameter-name prefixes re-initialised by it and every
/// step before it.
public struct RandomisationStep: Sendable, Equatable {
    public var label: String
    public var prefixes: [String]
}

extension SentimentTransformer {
    /// The cascade from the output down: the head (context-attention pooling and classifier), then each encoder
    /// layer from the top, then the embeddings — after which nothing trained is left (the untrained model).
    public var randomisationCascade: [RandomisationStep] {
        var prefixes = ["classifier.", "pooling."]
        var steps = [RandomisationStep(label: "head", prefixes: prefixes)]
        for layer in stride(from: configuration.layers - 1, through: 0, by: -1) {
            prefixes.append("encoder.layers.\(layer).")
            steps.append(RandomisationStep(label: "+ layer \(layer + 1)", prefixes: prefixes))
        }
        prefixes.append("embedding.")
        steps.append(RandomisationStep(label: "+ embeddings (untrained)", prefixes: prefixes))
        return steps
    }

    /// This model with every parameter whose name starts with one of `prefixes` taken from `initial` (the same
    /// configuration at its initialisation), the others kept.
    public func reinitialising(_ prefixes: [String], from initial: SentimentTransformer) throws -> SentimentTransformer {
        precondition(initial.layout == layout, "reinitialising: the initial model has another layout")
        let fresh = Dictionary(uniqueKeysWithValues: initial.parameters.map { ($0.name, $0.tensor) })
        var model = self
        try model.load(parameters.map { name, tensor in
            (name, prefixes.contains { name.hasPrefix($0) } ? fresh[name]! : tensor)
        }, source: "randomisation control")
        return model
    }
}
