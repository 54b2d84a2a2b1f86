// Evaluation: model outputs for a list of examples, and the metrics of a split.

/// The metrics of one split: classification fills accuracy, macro-F1 and the confusion matrix;
/// regression fills Pearson r, CCC and RMSE. `loss` is the mean loss over the split.
public struct EvaluationResult: Codable, Sendable, Equatable {
    public var examples: Int
    public var loss: Double
    public var accuracy: Double?
    public var macroF1: Double?
    public var confusionMatrix: [[Int]]?
    public var pearson: Double?
    public var concordance: Double?
    public var rootMeanSquaredError: Double?

    /// The number early stopping maximises: accuracy, or Pearson r for regression.
    public var score: Double { accuracy ?? pearson ?? -loss }

    enum CodingKeys: String, CodingKey {
        case examples, loss, accuracy, macroF1 = "macro_f1", confusionMatrix = "confusion_matrix", pearson
        case concordance = "ccc", rootMeanSquaredError = "rmse"
    }
}

extension EvaluationResult {
    /// Mean cross-entropy, accuracy, macro-F1 and the confusion matrix of `logits` [C] per example.
    public init(logits: [[Float]], examples: [TrainingExample], classes c: Int) {
        precondition(logits.count == examples.count && !examples.isEmpty, "\(logits.count) outputs for \(examples.count) examples")
        var gradient = [Float](repeating: 0, count: c)
        var predicted: [Int] = [], gold: [Int] = [], total = 0.0
        for (output, example) in zip(logits, examples) {
            guard case .classIndex(let y) = example.target else { preconditionFailure("class target expected") }
            predicted.append(output.indices.max { output[$0] < output[$1] }!)
            gold.append(y)
            total += Double(output.withUnsafeBufferPointer { o in
                gradient.withUnsafeMutableBufferPointer {
                    SoftmaxCrossEntropy.lossAndGradient(logits: o.baseAddress!, targets: [y], classes: c,
                                                        gradient: $0.baseAddress!)
                }
            })
        }
        self.init(loss: total / Double(examples.count), predicted: predicted, gold: gold, classes: c)
    }

    /// A classification result: the mean `loss`, and accuracy, macro-F1 and the confusion matrix of the classes.
    public init(loss: Double, predicted: [Int], gold: [Int], classes c: Int) {
        precondition(predicted.count == gold.count, "\(predicted.count) predictions for \(gold.count) labels")
        self.init(examples: gold.count, loss: loss)
        accuracy = Metrics.accuracy(predicted: predicted, gold: gold)
        macroF1 = Metrics.macroF1(predicted: predicted, gold: gold, classes: c)
        confusionMatrix = Metrics.confusionMatrix(predicted: predicted, gold: gold, classes: c)
    }
}

extension SentimentTransformer {
    /// Outputs [C] for each example (evaluation mode), batched by length; order as given.
    public mutating func predict(_ examples: [TrainingExample], batchSize: Int = 64) -> [[Float]] {
        let batcher = LengthBucketingBatcher(batchSize: batchSize, maxLength: configuration.maxLength)
        var outputs = [[Float]](repeating: [], count: examples.count)
        var rng = SplitMix64(seed: 0)
        let c = configuration.outputs
        for indices in batcher.sorted(lengths: examples.map(\.ids.count)) {
            let (batch, _) = batcher.makeBatch(examples, indices: indices)
            let w = runForward(.ids(batch.ids), shape: batch.shape, training: false, rng: &rng)
            for (row, index) in indices.enumerated() {
                outputs[index] = Array(UnsafeBufferPointer(start: w.classifier.outputs + row * c, count: c))
            }
        }
        return outputs
    }

    /// Loss and metrics of the model on `examples`.
    public mutating func evaluate(_ examples: [TrainingExample], batchSize: Int = 64) -> EvaluationResult {
        precondition(!examples.isEmpty, "cannot evaluate on no examples")
        let outputs = predict(examples, batchSize: batchSize)
        let c = configuration.outputs
        var result = EvaluationResult(examples: examples.count, loss: 0)
        switch configuration.objective {
        case .classification:
            return EvaluationResult(logits: outputs, examples: examples, classes: c)
        case .regression:
            let predicted = outputs.map { Double($0[0]) }
            let gold = examples.map { example -> Double in
                guard case .value(let v) = example.target else { preconditionFailure("value target expected") }
                return Double(v)
            }
            let rmse = Metrics.rootMeanSquaredError(predicted, gold)
            result.loss = rmse * rmse
            result.pearson = Metrics.pearson(predicted, gold)
            result.concordance = Metrics.concordance(predicted, gold)
            result.rootMeanSquaredError = rmse
        }
        return result
    }
}
