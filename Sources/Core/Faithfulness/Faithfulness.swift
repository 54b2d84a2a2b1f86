// Faithfulness: ERASER comprehensiveness and sufficiency (and their AOPC) for every attribution of one example.

/// The model as the faithfulness metrics see it: token-id sequences in, one output per sequence.
/// A sequence may be empty (comprehensiveness of a one-token text deletes its only token).
public typealias ClassProbabilityFunction = (_ sequences: [[Int32]]) -> [[Float]]
public typealias RegressionFunction = (_ sequences: [[Int32]]) -> [Float]

/// Comprehensiveness and sufficiency of one attribution, per bin, and their means (AOPC).
public struct FaithfulnessResult: Codable, Equatable, Sendable {
    /// k per bin, the number of top tokens deleted or kept.
    public var tokenCounts: [Int]
    /// m(full) − m(text without the top-k tokens), per bin. Higher is more faithful.
    public var comprehensiveness: [Double]
    /// m(full) − m(only the top-k tokens, in their order), per bin. Lower is more faithful.
    public var sufficiency: [Double]
    /// The mean of `comprehensiveness` over the bins.
    public var comprehensivenessAOPC: Double
    /// The mean of `sufficiency` over the bins.
    public var sufficiencyAOPC: Double
}

/// Everything measured for one example.
public struct FaithfulnessReport: Codable, Equatable, Sendable {
    /// The class whose probability is tracked (classification), nil for regression.
    public var predictedClass: Int?
    /// m(full): the probability of `predictedClass`, or the predicted value.
    public var fullOutput: Double
    /// Distinct sequences sent to the model (in one call), the full text included.
    public var sequencesScored: Int
    public var results: [AttributionKey: FaithfulnessResult]
}

/// ERASER faithfulness (DeYoung et al., "ERASER: A Benchmark to Evaluate Rationalized NLP Models",
/// ACL 2020, arXiv:1911.03429), for one example.
///
/// For each attribution and bin fraction f, k = max(1, ⌊f · n⌋) top tokens (`rankTokens`: ties to
/// the lower index):
/// - comprehensiveness = m(x) − m(x without those tokens, the rest re-packed in order);
/// - sufficiency = m(x) − m(only those tokens, in their original order);
/// - AOPC = the mean over bins.
/// Classification: m = p(c | ·) with c the class predicted on the full text (or the one given).
/// Regression: m is the predicted value and each figure is the *absolute* change |y(x) − y(x′)|, as
/// a value has no "predicted class" direction to lose.
///
/// Every sequence for every attribution, bin and kind is collected, de-duplicated and sent to the
/// model in ONE call.
public struct Faithfulness: Sendable {
    public var bins: FaithfulnessBins

    public init(bins: FaithfulnessBins = FaithfulnessBins()) { self.bins = bins }

    /// Classification: `predictedClass` defaults to the argmax of the full text's probabilities.
    public func evaluate(tokenIDs: [Int32], attributions: [AttributionKey: [Float]], predictedClass: Int? = nil,
                         using model: ClassProbabilityFunction) -> FaithfulnessReport {
        let plan = makePlan(tokenIDs: tokenIDs, attributions: attributions)
        let probabilities = model(plan.sequences)
        precondition(probabilities.count == plan.sequences.count,
                     "model returned \(probabilities.count) outputs for \(plan.sequences.count) sequences")
        let full = probabilities[0]
        let target = predictedClass ?? full.indices.max { full[$0] < full[$1] }!  // the first of equal maxima
        let m = probabilities.map { Double($0[target]) }
        return plan.report(outputs: m, isAbsolute: false, predictedClass: target)
    }

    /// Regression: the change in predicted value, in absolute terms.
    public func evaluate(tokenIDs: [Int32], attributions: [AttributionKey: [Float]],
                         using model: RegressionFunction) -> FaithfulnessReport {
        let plan = makePlan(tokenIDs: tokenIDs, attributions: attributions)
        let values = model(plan.sequences)
        precondition(values.count == plan.sequences.count,
                     "model returned \(values.count) outputs for \(plan.sequences.count) sequences")
        return plan.report(outputs: values.map(Double.init), isAbsolute: true, predictedClass: nil)
    }

    /// The de-duplicated sequences (index 0 = the full text) and, per attribution and bin, which
    /// sequence holds the deletion and which the kept tokens.
    func makePlan(tokenIDs: [Int32], attributions: [AttributionKey: [Float]]) -> Plan {
        let n = tokenIDs.count
        precondition(n >= 1, "faithfulness needs at least one token")
        var plan = Plan(bins: bins, sequences: [tokenIDs], index: [tokenIDs: 0])
        for key in attributions.keys.sorted() {
            let scores = attributions[key]!
            precondition(scores.count == n, "\(key): \(scores.count) scores for \(n) tokens")
            let ranking = rankTokens(by: scores)
            var slots = [(deleted: Int, kept: Int)]()
            for k in bins.tokenCounts(tokens: n) {
                var isTop = [Bool](repeating: false, count: n)
                for i in ranking.prefix(k) { isTop[i] = true }
                let deleted = tokenIDs.indices.filter { !isTop[$0] }.map { tokenIDs[$0] }
                let kept = tokenIDs.indices.filter { isTop[$0] }.map { tokenIDs[$0] }
                slots.append((plan.add(deleted), plan.add(kept)))
            }
            plan.slots[key] = slots
        }
        return plan
    }

    struct Plan {
        let bins: FaithfulnessBins
        var sequences: [[Int32]]
        var index: [[Int32]: Int]
        var slots: [AttributionKey: [(deleted: Int, kept: Int)]] = [:]

        mutating func add(_ sequence: [Int32]) -> Int {
            if let existing = index[sequence] { return existing }
            sequences.append(sequence)
            index[sequence] = sequences.count - 1
            return sequences.count - 1
        }

        func report(outputs m: [Double], isAbsolute: Bool, predictedClass: Int?) -> FaithfulnessReport {
            let n = sequences[0].count
            let change = { (j: Int) -> Double in isAbsolute ? abs(m[0] - m[j]) : m[0] - m[j] }
            var results = [AttributionKey: FaithfulnessResult]()
            for (key, bySlot) in slots {
                let comprehensiveness = bySlot.map { change($0.deleted) }
                let sufficiency = bySlot.map { change($0.kept) }
                results[key] = FaithfulnessResult(
                    tokenCounts: bins.tokenCounts(tokens: n),
                    comprehensiveness: comprehensiveness, sufficiency: sufficiency,
                    comprehensivenessAOPC: comprehensiveness.reduce(0, +) / Double(bySlot.count),
                    sufficiencyAOPC: sufficiency.reduce(0, +) / Double(bySlot.count))
            }
            return FaithfulnessReport(predictedClass: predictedClass, fullOutput: m[0],
                                      sequencesScored: sequences.count, results: results)
        }
    }
}
