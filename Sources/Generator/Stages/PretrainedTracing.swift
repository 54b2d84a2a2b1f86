// PretrainedTracing: the trace step of a `load:` model — every method through the frozen encoder and its head, per word.
import Core
import Foundation

enum PretrainedTracing {
    /// Traces the corpus's split (same examples and options as a trained model's trace) and reports per word.
    static func trace(_ corpus: CorpusSettings, model: LoadedPretrainedModel, head: AttentionPoolingHead,
                      dataset: TaskDataset, threads: Int, progress: ProgressMeter) -> [TraceRecord] {
        let inputs = Tracing.examples(corpus, dataset: dataset).map { example in
            PretrainedTracingInput(id: example.id, words: example.tokens,
                                   encoding: PretrainedHeadTraining.encode(example, tokenizer: model.tokenizer),
                                   label: TraceTarget(example.target))
        }
        progress.addToTotal(inputs.count)
        setBLASThreads(1)
        var options = Tracing.options(corpus, threads: threads)
        options.batchSize = 32
        let tracer = Tracer(model: PretrainedSentimentModel(encoder: model.encoder, head: head), options: options)
        return tracer.trace(inputs) { progress.advance(by: $0) }
    }
}

extension PretrainedTracing {
    /// The trace step for a `load:` corpus: the folder's encoder with the head the train step saved.
    static func trace(_ corpus: CorpusSettings, context: inout BuildContext, progress: ProgressMeter) throws -> [TraceRecord] {
        let head = try HeadCheckpoint.load(from: try context.modelFolder(corpus))
        return trace(corpus, model: try context.loadPretrained(corpus), head: head, dataset: try context.dataset(corpus),
                     threads: context.threads, progress: progress)
    }
}
