// FaithfulnessEvaluation: a corpus's trace records + its trained model → ERASER faithfulness and SST plausibility, summarised.
import Core
import Foundation

enum FaithfulnessEvaluation {
    /// A text of no words (a user corpus with allow_empty) has nothing to delete or keep: it is not judged.
    static func isJudged(_ record: TraceRecord) -> Bool { !record.tokens.isEmpty }

    /// The evaluator's inputs: each judged example (`isJudged`) with its token ids, every method × layer score
    /// vector, and (SST) the human rationale derived from its tree.
    /// The random baseline of example i (its position in the whole trace, whichever shard judges it) is drawn from
    /// a generator seeded with the build seed and i.
    static func inputs(_ records: [IndexedRecord], corpus: CorpusSettings, model trained: TrainedModel,
                       dataset: TaskDataset, seed: UInt64) -> [FaithfulnessInput] {
        let rationales = Dictionary(Tracing.examples(corpus, dataset: dataset).map { ($0.id, $0.rationale) },
                                    uniquingKeysWith: { a, _ in a })
        return records.map { index, record in
            FaithfulnessInput(record: record, ids: trained.vocabulary.encode(record.tokens),
                              rationale: rationales[record.id] ?? nil,
                              randomSeed: seed ^ (0xFA17_0000_0000_0000 &+ UInt64(index)))
        }
    }

    /// Runs every re-run through the model (one batched call per example, `threads` workers): the per-example
    /// faithfulness and (SST) plausibility of every key, which the step caches and then summarises.
    static func evaluate(_ corpus: CorpusSettings, records: [IndexedRecord], model trained: TrainedModel,
                         dataset: TaskDataset, seed: UInt64, threads: Int, progress: ProgressMeter) -> [JudgedExample] {
        let judged = records.filter { isJudged($0.record) }
        let inputs = inputs(judged, corpus: corpus, model: trained, dataset: dataset, seed: seed)
        progress.addToTotal(inputs.count)
        setBLASThreads(1)
        let evaluator = FaithfulnessEvaluator(model: trained.model, threads: threads)
        return zip(judged, evaluator.evaluate(inputs) { progress.advance(by: $0) }).map {
            JudgedExample(index: $0.index, evaluation: $1)
        }
    }
}

/// A trace record with its position in the whole trace of its run.
typealias IndexedRecord = (index: Int, record: TraceRecord)

/// One example's faithfulness (and plausibility), with the position of its record in the run's trace: what a shard
/// of the faithfulness step writes, so that the shards can be put back in order.
struct JudgedExample: Codable, Equatable, Sendable {
    var index: Int
    var evaluation: ExampleEvaluation
}
