// BertClassifierHead: the head of a Hugging Face BertForSequenceClassification — BERT's pooler on [CLS], then a
// linear layer to C classes — read from the classifier's own checkpoint.

import Foundation

/// For sequence b with last hidden states h [T, D] (position 0 is `[CLS]`):
/// ```
/// z = W_p h₀ + b_p      p = tanh(z)      logits = W_c p + b_c          (W_p [D, D], W_c [C, D])
/// ```
/// Backward, from ∂y/∂logits: dp = dlogits · W_c, dz = dp ⊙ (1 − p²), dh₀ = dz · W_p, and dh_t = 0 for t > 0
/// (only `[CLS]` reaches the classifier). Dropout is off, as in evaluation. Checkpoint names:
/// `bert.pooler.dense.{weight,bias}` (or without `bert.`) and `classifier.{weight,bias}`; parameter names
/// `pooler.dense.*`, `classifier.*`.
public struct BertClassifierHead: Sendable {
    public let width: Int
    public let classes: Int
    public let layout: ParameterLayout
    public var parameters: [Float]

    let pooler: Linear
    let classifier: Linear

    init(width: Int, classes: Int) {
        var layout = ParameterLayout()
        pooler = Linear("pooler.dense", input: width, output: width, layout: &layout)
        classifier = Linear("classifier", input: width, output: classes, layout: &layout)
        self.width = width
        self.classes = classes
        self.layout = layout
        parameters = [Float](repeating: 0, count: layout.count)
    }

    /// A new head for an encoder that has none yet, as `BertForSequenceClassification.from_pretrained` makes one:
    /// the pooler from `pooler` (the encoder checkpoint's `pooler.dense.*`) when given, else like the classifier;
    /// the classifier's weights N(0, 0.02²) (`initializer_range`) and its bias 0. Seeded.
    public init(width: Int, classes: Int, pooler: (weight: Tensor, bias: Tensor)?, seed: UInt64) {
        precondition(classes >= 2, "a classifier needs at least 2 classes")
        self.init(width: width, classes: classes)
        var rng = SplitMix64(seed: seed)
        for entry in layout.entries {
            let initial: [Float]
            switch entry.name {
            case "pooler.dense.weight" where pooler != nil: initial = pooler!.weight.scalars
            case "pooler.dense.bias" where pooler != nil: initial = pooler!.bias.scalars
            case let name where name.hasSuffix(".bias"): initial = [Float](repeating: 0, count: entry.count)
            default: initial = (0..<entry.count).map { _ in 0.02 * rng.nextNormal() }
            }
            precondition(initial.count == entry.count, "\(entry.name): \(initial.count) values for \(entry.shape)")
            parameters.replaceSubrange(entry.offset..<(entry.offset + entry.count), with: initial)
        }
    }

    /// The pooler and classifier tensors of a BertForSequenceClassification checkpoint (the encoder's tensors are
    /// the encoder's: `BertKeyMap` leaves these to the head). The class count is the classifier's rows.
    public init(checkpoint: Safetensors.Contents, width: Int, source: String) throws {
        let tensors = Dictionary(checkpoint.tensors.map { ($0.name, $0.tensor) }, uniquingKeysWith: { a, _ in a })
        func tensor(_ names: [String]) throws -> Tensor {
            guard let found = names.lazy.compactMap({ tensors[$0] }).first else {
                throw AtlasError(source: source, message: "no tensor \"\(names[0])\"",
                                 hint: "a BertForSequenceClassification checkpoint holds bert.pooler.dense.* and classifier.*")
            }
            return found
        }
        let classifierWeight = try tensor(["classifier.weight"])
        guard classifierWeight.rank == 2, classifierWeight.shape[1] == width, classifierWeight.shape[0] >= 2 else {
            throw AtlasError(source: source, message: "tensor \"classifier.weight\" has shape \(classifierWeight.shape), expected [C ≥ 2, \(width)]")
        }
        self.init(width: width, classes: classifierWeight.shape[0])
        let wanted: [(layout: String, names: [String])] = [
            ("pooler.dense.weight", ["bert.pooler.dense.weight", "pooler.dense.weight"]),
            ("pooler.dense.bias", ["bert.pooler.dense.bias", "pooler.dense.bias"]),
            ("classifier.weight", ["classifier.weight"]), ("classifier.bias", ["classifier.bias"]),
        ]
        for (target, names) in wanted {
            let entry = layout.entry(named: target)!
            let value = try tensor(names)
            guard value.shape == entry.shape else {
                throw AtlasError(source: source, message: "tensor \"\(names[0])\" has shape \(value.shape), expected \(entry.shape)")
            }
            parameters.replaceSubrange(entry.offset..<(entry.offset + entry.count), with: value.scalars)
        }
    }

    /// The class names of a classifier's `config.json` (`id2label`, in class order); nil when it has none.
    public static func labelNames(configJSON data: Data, source: String) throws -> [String]? {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let table = object["id2label"] as? [String: String] else { return nil }
        let indexed = try table.map { key, name -> (Int, String) in
            guard let index = Int(key) else {
                throw AtlasError(source: source, message: "id2label key \"\(key)\" is not a class index")
            }
            return (index, name)
        }.sorted { $0.0 < $1.0 }
        guard indexed.map(\.0) == Array(0..<indexed.count) else {
            throw AtlasError(source: source, message: "id2label does not number the classes 0 … \(indexed.count - 1)")
        }
        return indexed.map(\.1)
    }

    public struct Pass: Sendable {
        /// [B, C] class scores.
        public var logits: Tensor
        /// [B, T, D] ∂(Σ_b dLogits_b · logits_b)/∂h (zero except at position 0), when a backward was asked for.
        public var hiddenGradient: Tensor?
    }

    /// Forward over h [B, T, D]; with `dLogits` (given the logits [B, C], it returns ∂y/∂logits [B, C]), the backward.
    public func run(hidden h: Tensor, dLogits: ((Tensor) -> [Float])? = nil) -> Pass {
        pass(hidden: h, mask: nil, gradients: nil, dLogits: dLogits)
    }

    /// The pass of `run` and `trainingPass`: with `mask` [B·D] the pooled vector is multiplied by it (dropout), and
    /// with `gradients` the head's own gradients accumulate there.
    func pass(hidden h: Tensor, mask: [Float]?, gradients: UnsafeMutablePointer<Float>?,
              dLogits: ((Tensor) -> [Float])?) -> Pass {
        precondition(h.rank == 3 && h.shape[2] == width, "hidden shape \(h.shape) does not match [B, T, \(width)]")
        let b = h.shape[0], t = h.shape[1], d = width, c = classes
        var cls = [Float](repeating: 0, count: b * d)
        for row in 0..<b { for i in 0..<d { cls[row * d + i] = h.scalars[row * t * d + i] } }
        var pooled = [Float](repeating: 0, count: b * d), logits = [Float](repeating: 0, count: b * c)
        var dropped = pooled
        parameters.withUnsafeBufferPointer { p in
            pooler.forward(cls, rows: b, parameters: p.baseAddress!, into: &pooled)
            for k in pooled.indices { pooled[k] = tanh(pooled[k]) }
            if let mask { for k in pooled.indices { dropped[k] = pooled[k] * mask[k] } } else { dropped = pooled }
            classifier.forward(dropped, rows: b, parameters: p.baseAddress!, into: &logits)
        }
        var pass = Pass(logits: Tensor(shape: [b, c], scalars: logits))
        guard let dLogits else { return pass }
        let dy = dLogits(pass.logits)
        precondition(dy.count == b * c, "\(dy.count) logit gradients for [\(b), \(c)]")
        var dPooled = [Float](repeating: 0, count: b * d), dCLS = [Float](repeating: 0, count: b * d)
        parameters.withUnsafeBufferPointer { p in
            classifier.backward(dy, x: dropped, rows: b, parameters: p.baseAddress!, gradients: gradients, dx: &dPooled)
            if let mask { for k in dPooled.indices { dPooled[k] *= mask[k] } }
            for k in dPooled.indices { dPooled[k] *= 1 - pooled[k] * pooled[k] }
            pooler.backward(dPooled, x: cls, rows: b, parameters: p.baseAddress!, gradients: gradients, dx: &dCLS)
        }
        var dh = [Float](repeating: 0, count: b * t * d)
        for row in 0..<b { for i in 0..<d { dh[row * t * d + i] = dCLS[row * d + i] } }
        pass.hiddenGradient = Tensor(shape: [b, t, d], scalars: dh)
        return pass
    }
}
