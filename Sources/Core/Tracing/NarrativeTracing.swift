// NarrativeTracing: a narrative model as the tracer sees it — one narrative per forward pass, one record per window.

/// The narrative model with the vocabulary its windows are encoded with. The narrative runs once through
/// the model (the LSTM sees the whole sequence), then each window's attention maps (its encoder layers and
/// its context attention) go to every attention-based method, so LAT runs from the window's context
/// attention down to its words.
///
/// One `TraceRecord` per window that has words and a rating (its id is the window's id, its label the gold
/// valence, its prediction the model's valence for that window in context). A window without words has no
/// attention to trace and an unrated window no label; both are left out here (their predictions are still
/// part of the model's evaluation). Gradient methods are not run: they would need the narrative model's
/// gradient with respect to one window's embeddings, which it does not expose.
public struct TraceableNarrativeModel: TraceableModel {
    public var model: NarrativeModel
    public var vocabulary: Vocabulary

    public init(model: NarrativeModel, vocabulary: Vocabulary) {
        self.model = model
        self.vocabulary = vocabulary
    }

    /// One narrative per pass, in input order (the LSTM's state runs through the narrative).
    public func tracingBatches(_ examples: [NarrativeSequence], batchSize: Int) -> [[Int]] {
        examples.indices.map { [$0] }
    }

    public mutating func forwardForTracing(_ sequences: [NarrativeSequence], decompositions: Set<MethodID>)
        -> [[TracedForward]] {
        let maxLength = model.configuration.encoder.maxLength
        return sequences.map { sequence in
            let traces = model.trace(NarrativeExample(sequence, vocabulary: vocabulary), decompositions: decompositions)
            return zip(sequence.windows, traces).compactMap { window, trace in
                guard let maps = trace.maps, let valence = window.valence else { return nil }
                return TracedForward(id: window.id, tokens: Array(window.tokens.prefix(maxLength)),
                                     label: .value(valence), maps: maps, outputs: [Float(trace.predicted)],
                                     embeddings: nil, isTruncated: window.tokens.count > maxLength,
                                     decomposition: trace.decomposition)
            }
        }
    }

    public var hasInputGradients: Bool { false }
    public mutating func outputsAndInputGradients(_ embeddings: [Float], tokens: Int, target: Int)
        -> (outputs: [Float], gradients: [Float]) {
        preconditionFailure("the narrative model exposes no input gradients")
    }

    public var embeddingWidth: Int { model.configuration.encoder.modelWidth }
    public var objective: Objective { .regression }
    public mutating func useOneThread() { model.encoder.threads = 1 }
}

extension TracingOptions {
    /// What a narrative is traced with: the attention methods only (see `TraceableNarrativeModel`).
    public static func attentionOnly(threads: Int) -> TracingOptions {
        var options = TracingOptions()
        options.includesGradients = false
        options.integratedGradients = nil
        options.threads = threads
        return options
    }
}
