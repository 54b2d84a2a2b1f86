// WordLevelAttribution: word-piece scores → one score per word (SUM of the word's pieces), at every layer and head.

extension Attribution {
    /// This attribution over the word pieces of `encoding` ([CLS] pieces [SEP]) as an attribution over its words:
    /// every score vector (`scores`, each `layers[l]`, each `heads[h][l]`) is summed per word with
    /// `WordPieceEncoding.wordScores`. [CLS] and [SEP] belong to no word and are dropped, so a method's mass
    /// over the words is its mass over the real pieces (LAT's Σ over words is H minus what reached [CLS]/[SEP]).
    public func summedPerWord(_ encoding: WordPieceEncoding) -> Attribution {
        Attribution(scores: encoding.wordScores(scores),
                    layers: layers.map { $0.map(encoding.wordScores) },
                    heads: heads.map { $0.map { $0.map(encoding.wordScores) } })
    }
}
