// LoadedEncoderModel: a corpus read through a loaded Hugging Face encoder (frozen) with an attention-pooling head trained here.
import Core
import Foundation

/// Not judged for faithfulness: the encoder reads word pieces, so deleting words means re-tokenising.
struct LoadedEncoderModel: CorpusModel {
    var run: CorpusRun

    func train(into folder: URL, context: inout BuildContext) throws {
        var model = try context.loadPretrained(corpus)
        let trained = PretrainedHeadTraining.train(corpus, model: &model, dataset: try context.dataset(corpus),
                                                   seed: run.seed, threads: context.threads,
                                                   output: context.output)
        try HeadCheckpoint.save(trained, task: corpus.task, encoder: model.folder, to: folder)
        MetricsText.write(trained.metrics, corpus: corpus.id, to: context.output)
    }

    /// The folder's encoder with the head the train step saved, per word (same examples and options as a
    /// trained model's trace; batches of 32, as the encoder is wider).
    func trace(from folder: URL, context: inout BuildContext, shard: Shard, progress: ProgressMeter) throws
        -> ShardTrace {
        let head = try HeadCheckpoint.load(from: folder)
        let loaded = try context.loadPretrained(corpus)
        let inputs = Tracing.examples(corpus, dataset: try context.dataset(corpus)).map { example in
            PretrainedTracingInput(id: example.id, words: example.tokens,
                                   encoding: PretrainedHeadTraining.encode(example, tokenizer: loaded.tokenizer),
                                   label: TraceTarget(example.target))
        }
        setBLASThreads(1)
        var options = Tracing.options(corpus, threads: context.threads)
        options.batchSize = 32
        return Tracer(model: PretrainedSentimentModel(encoder: loaded.encoder, head: head), options: options)
            .trace(inputs, shard: shard, progress: progress)
    }

    func siteSection(from folder: URL, context: inout BuildContext) throws -> SiteSection {
        .sentences(CorpusResults(corpus: corpus, dataset: try context.dataset(corpus),
                                 metrics: try ModelCheckpoint.loadMetrics(from: folder), records: try context.records(run),
                                 report: try context.report(run),
                                 description: Self.description(corpus, traced: try context.records(run).count),
                                 faithfulness: nil))
    }

    /// The corpus page's account of the encoder and its head.
    static func description(_ corpus: CorpusSettings, traced count: Int) -> String {
        "Stanford Sentiment Treebank, \(corpus.split) split: \(count) sentences traced through the frozen pretrained "
            + "encoder of \(corpus.model.load ?? "") with an attention-pooling head trained on the training sentences; "
            + "word-piece scores are summed per word. Its examples share pages with the other models of these sentences."
    }
}
