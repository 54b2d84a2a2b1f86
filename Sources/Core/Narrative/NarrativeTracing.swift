// NarrativeTracing: a narrative model's per-window traces as trace records, for validation and the site.

/// Traces every window of some narratives: the narrative runs once through the model (the LSTM sees the
/// whole sequence), then each window's attention maps (its encoder layers and its context attention) go to
/// every attention-based method, so LAT runs from the window's context attention down to its words.
///
/// One `TraceRecord` per window that has words and a rating (its id is the window's id, its label the gold
/// valence, its prediction the model's valence for that window in context). A window without words has no
/// attention to trace and an unrated window no label; both are left out here (their predictions are still
/// part of the model's evaluation). Gradient methods are not run: they would need the narrative model's
/// gradient with respect to one window's embeddings, which it does not expose.
public enum NarrativeTracing {
    public static func records(_ model: NarrativeModel, sequences: [NarrativeSequence], vocabulary: Vocabulary,
                               methods: [any AttentionAttributionMethod] = makeAttentionAttributionMethods(),
                               progress: (Int) -> Void = { _ in }) -> [TraceRecord] {
        var model = model
        let maxLength = model.configuration.encoder.maxLength
        var records: [TraceRecord] = []
        for sequence in sequences {
            let traces = model.trace(NarrativeExample(sequence, vocabulary: vocabulary))
            for (window, trace) in zip(sequence.windows, traces) {
                guard let maps = trace.maps, let valence = window.valence else { continue }
                var attributions: [MethodID: Attribution] = [:]
                for method in methods { attributions[method.id] = method.attribute(maps) }
                records.append(TraceRecord(id: window.id, tokens: Array(window.tokens.prefix(maxLength)),
                                           label: .value(valence), prediction: .value(trace.predicted),
                                           attributions: attributions, isTruncated: window.tokens.count > maxLength))
            }
            progress(sequence.windows.count)
        }
        return records
    }
}
