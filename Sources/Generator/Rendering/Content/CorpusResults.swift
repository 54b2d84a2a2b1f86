// CorpusResults: what the site is made from, per corpus — the model's metrics, its traces and their statistics.
import Core
import Foundation

/// Everything the site is made from, per corpus.
struct CorpusResults {
    var corpus: CorpusSettings
    var dataset: TaskDataset
    var metrics: [String: EvaluationResult]
    var records: [TraceRecord]
    var report: ValidationReport
    /// What was traced through which model, for the corpus page (written by the corpus's `CorpusModel`).
    var description: String
    /// ERASER faithfulness and (SST) plausibility per method × layer; nil when not computed.
    var faithfulness: FaithfulnessSummary? = nil
    /// The statistics across the corpus's seeds and its methods' agreement; nil when not computed.
    var seeds: SeedSummary? = nil
    /// The first seed's model-randomisation control; nil for a model without one.
    var control: RandomisationControl? = nil
}
