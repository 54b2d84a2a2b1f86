// CorpusModel: the one place that knows which kind of model a corpus has — each step calls it, none branches on it.
import Core
import Foundation

/// What a corpus's model does for the build, whatever kind it is. `CorpusModels.make` picks the conformer
/// from the configuration once; the train, trace, faithfulness and render steps (and `atlas train` /
/// `atlas trace`) call these methods and never ask which kind they hold. A fourth kind of model is one new
/// conformer plus one line in `make`.
protocol CorpusModel: Sendable {
    /// The corpus and seed this model is (one per seed of a corpus).
    var run: CorpusRun { get }

    /// Trains the model (or whatever of it is trained here) and writes its checkpoint into `folder`, where
    /// `ModelCheckpoint.weightsFile` marks it complete. Prints the test metrics.
    func train(into folder: URL, context: inout BuildContext) throws

    /// Every method over the inputs of the corpus's traced split that `shard` owns (`Tracer.trace(_:shard:)`),
    /// from the checkpoint in `folder`.
    func trace(from folder: URL, context: inout BuildContext, shard: Shard, progress: ProgressMeter) throws
        -> ShardTrace

    /// Whether the faithfulness step re-runs this model (`faithfulnessEvaluations`).
    var isJudgedForFaithfulness: Bool { get }

    /// ERASER faithfulness (and SST plausibility) of the traced examples `records` (all of a run's, or a shard's),
    /// re-running the model in `folder`; an example with no word is not judged.
    func faithfulnessEvaluations(from folder: URL, records: [IndexedRecord], context: inout BuildContext,
                                 progress: ProgressMeter) throws -> [JudgedExample]

    /// Whether the controls step runs the model-randomisation control on this model (models trained here).
    var hasRandomisationControl: Bool { get }

    /// The model-randomisation control of the run's model in `folder` (see `RandomisationControl`).
    func randomisationControl(from folder: URL, context: inout BuildContext, progress: ProgressMeter) throws
        -> RandomisationControl

    /// The run's test figures (accuracy, macro-F1, r, CCC…), from its checkpoint folder: one column of the
    /// across-seeds table.
    func testMetrics(from folder: URL) throws -> [Metric]

    /// What the site shows of this corpus, from the cached results.
    func siteSection(from folder: URL, context: inout BuildContext) throws -> SiteSection

    /// The data files of this corpus that the shared sentence-corpus files do not cover (see `DataFiles`).
    func writeData(_ content: SiteContent, from folder: URL, context: inout BuildContext, to writer: SiteWriter) throws
}

extension CorpusModel {
    var corpus: CorpusSettings { run.corpus }

    /// Every method over the whole traced split: its records in input order.
    func trace(from folder: URL, context: inout BuildContext, progress: ProgressMeter) throws -> [TraceRecord] {
        try trace(from: folder, context: &context, shard: .whole, progress: progress).inputs.flatMap(\.records)
    }

    var isJudgedForFaithfulness: Bool { false }

    var hasRandomisationControl: Bool { false }

    func randomisationControl(from folder: URL, context: inout BuildContext, progress: ProgressMeter) throws
        -> RandomisationControl {
        preconditionFailure("\(corpus.id): \(type(of: self)) has no randomisation control")
    }

    func testMetrics(from folder: URL) throws -> [Metric] {
        SiteContentBuilder.modelMetrics(try ModelCheckpoint.loadMetrics(from: folder)).filter { $0.label.hasPrefix("test ") }
    }

    func faithfulnessEvaluations(from folder: URL, records: [IndexedRecord], context: inout BuildContext,
                                 progress: ProgressMeter) throws -> [JudgedExample] {
        preconditionFailure("\(corpus.id): \(type(of: self)) is not judged for faithfulness")
    }

    func writeData(_ content: SiteContent, from folder: URL, context: inout BuildContext, to writer: SiteWriter) throws {}
}

/// The part of the site a corpus contributes: a sentence corpus's results (its own page, the comparison
/// tables, word pages, downloads) or a narrative corpus's section of the Narratives page.
enum SiteSection {
    case sentences(CorpusResults)
    case narratives(NarrativeCorpusContent)
}

enum CorpusModels {
    /// The kind of model of a run's corpus, decided here and nowhere else.
    static func make(_ run: CorpusRun) -> any CorpusModel {
        if run.corpus.task.isNarrative { return NarrativeCorpusModel(run: run) }
        if run.corpus.model.load != nil { return LoadedEncoderModel(run: run) }
        return TrainedTransformerModel(run: run)
    }
}
