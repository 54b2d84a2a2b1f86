// PretrainedSentimentModel+Tracing: a frozen encoder + head as the tracer sees it (positions = word pieces, records per word).

/// One sentence to trace through a pretrained model: its words (as shown), their word-piece encoding
/// (`WordPieceTokenizer.encode(words:)`) and the gold label.
public struct PretrainedTracingInput: Sendable {
    public var id: String
    public var words: [String]
    public var encoding: WordPieceEncoding
    public var label: TraceTarget

    public init(id: String, words: [String], encoding: WordPieceEncoding, label: TraceTarget) {
        precondition(encoding.wordCount == words.count, "\(words.count) words but the encoding has \(encoding.wordCount)")
        self.id = id
        self.words = words
        self.encoding = encoding
        self.label = label
    }
}

/// Every method works at the word-piece level ([CLS] and [SEP] included, as the encoder attends to them):
/// the attention methods over all L × H maps with the head's α as the context attention, the gradient methods
/// with respect to the word-piece embeddings. The record then sums each word's pieces
/// (`Attribution.summedPerWord`), so it has one score per word at every layer, like a from-scratch model's record.
extension PretrainedSentimentModel: TraceableModel {
    public func tracingBatches(_ examples: [PretrainedTracingInput], batchSize: Int) -> [[Int]] {
        LengthBucketingBatcher(batchSize: batchSize).sorted(lengths: examples.map(\.encoding.ids.count))
    }

    public mutating func forwardForTracing(_ inputs: [PretrainedTracingInput], decompositions: Set<MethodID>)
        -> [[TracedForward]] {
        zip(inputs, trace(inputs.map(\.encoding.ids), decompositions: decompositions)).map { input, trace in
            [TracedForward(id: input.id, tokens: input.words, label: input.label, maps: trace.maps, outputs: trace.logits,
                           embeddings: trace.embeddings, isTruncated: input.encoding.isTruncated,
                           wordPieces: input.encoding, decomposition: trace.decomposition)]
        }
    }

    public var embeddingWidth: Int { encoder.configuration.hiddenSize }
    public var objective: Objective { .classification }
    public mutating func useOneThread() { encoder.threads = 1 }
}
