// FaithfulnessEvaluation: a corpus's trace records + its trained model → ERASER faithfulness and SST plausibility, summarised.
import Core
import Foundation

enum FaithfulnessEvaluation {
    /// The evaluator's inputs: every traced example with a word, with its token ids, every method × layer score vector,
    /// and (SST) the human rationale derived from its tree.
    /// The random baseline of example i is drawn from a generator seeded with the build seed and i.
    static func inputs(_ records: [TraceRecord], corpus: CorpusSettings, model trained: TrainedModel,
                       dataset: TaskDataset, seed: UInt64) -> [FaithfulnessInput] {
        let rationales = Dictionary(Tracing.examples(corpus, dataset: dataset).map { ($0.id, $0.rationale) },
                                    uniquingKeysWith: { a, _ in a })
        // A text of no words (a user corpus with allow_empty) has nothing to delete or keep: it is not judged.
        return records.enumerated().filter { !$0.element.tokens.isEmpty }.map { index, record in
            FaithfulnessInput(record: record, ids: trained.vocabulary.encode(record.tokens),
                              rationale: rationales[record.id] ?? nil,
                              randomSeed: seed ^ (0xFA17_0000_0000_0000 &+ UInt64(index)))
        }
    }

    /// Runs every re-run through the model (one batched call per example, `threads` workers): the per-example
    /// faithfulness and (SST) plausibility of every key, which the step caches and then summarises.
    static func evaluate(_ corpus: CorpusSettings, records: [TraceRecord], model trained: TrainedModel,
                         dataset: TaskDataset, seed: UInt64, threads: Int, progress: ProgressMeter) -> [ExampleEvaluation] {
        let inputs = inputs(records, corpus: corpus, model: trained, dataset: dataset, seed: seed)
        progress.addToTotal(inputs.count)
        setBLASThreads(1)
        let evaluator = FaithfulnessEvaluator(model: trained.model, threads: threads)
        return evaluator.evaluate(inputs) { progress.advance(by: $0) }
    }
}
