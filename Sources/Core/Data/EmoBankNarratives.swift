// EmoBankNarratives: EmoBank sentences grouped into documents, ordered by offset, split per document.

/// Turns EmoBank's sentences into narrative sequences.
///
/// - Grouping: by `meta.tsv`'s document; within a document, by start offset (ties by end offset, then id).
/// - Headlines: SemEval ids carry no offsets and every headline is its own one-sentence "document", so a
///   sentence without offsets is excluded from the narrative task (it has no neighbours in time).
/// - Split: per document, never per sentence. EmoBank's own split assigns sentences of one document to
///   different splits, which would let a sequence model see the neighbours of a test sentence during
///   training (leakage); taking each document's majority split puts every document in train. So, within
///   each genre, documents are ordered by a stable hash of their name (FNV-1a 64, ties by name) and laid
///   end to end by sentence count; a document whose midpoint falls in the first 10 % of the genre's
///   sentences is test, the next 10 % dev, the rest train. This keeps EmoBank's 80 / 10 / 10 proportions
///   per genre (on EmoBank 1.0: 7,088 / 864 / 918 sentences, 88 / 25 / 22 documents) and depends only on
///   the corpus, never on a random seed.
/// - Length: documents longer than `maxWindows` sentences are cut into consecutive chunks (flagged).
public enum EmoBankNarratives {
    public static func sequences(_ sentences: [EmoBankSentence], maxWindows: Int = 32) -> [NarrativeSequence] {
        var byDocument: [String: [EmoBankSentence]] = [:]
        for sentence in sentences where sentence.start != nil && sentence.end != nil {
            byDocument[sentence.document, default: []].append(sentence)
        }
        let splits = documentSplits(byDocument.mapValues { (genre: $0[0].genre, sentences: $0.count) })
        return byDocument.keys.sorted().flatMap { document -> [NarrativeSequence] in
            let ordered = byDocument[document]!.sorted {
                ($0.start!, $0.end!, $0.id) < ($1.start!, $1.end!, $1.id)
            }
            let windows = ordered.map {
                NarrativeWindow(id: $0.id, tokens: $0.tokens, valence: $0.valence, start: Double($0.start!),
                                end: Double($0.end!))
            }
            return NarrativeSequence.chunked(narrative: document, genre: ordered[0].genre, split: splits[document]!,
                                             windows: windows, maxWindows: maxWindows)
        }
    }

    /// Train / dev / test per document (see the type's comment): per genre, hash order, midpoint rule.
    public static func documentSplits(_ documents: [String: (genre: String, sentences: Int)]) -> [String: DataSplit] {
        var result: [String: DataSplit] = [:]
        let genres = Dictionary(grouping: documents.keys, by: { documents[$0]!.genre })
        for names in genres.values {
            let ordered = names.sorted { (hash($0), $0) < (hash($1), $1) }
            let total = Double(ordered.reduce(0) { $0 + documents[$1]!.sentences })
            var before = 0.0
            for name in ordered {
                let count = Double(documents[name]!.sentences)
                let midpoint = (before + count / 2) / total
                before += count
                result[name] = midpoint < 0.1 ? .test : midpoint < 0.2 ? .dev : .train
            }
        }
        return result
    }

    /// FNV-1a 64 of the UTF-8 bytes (stable across runs and platforms, unlike `Hasher`).
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
