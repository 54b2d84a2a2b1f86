// ScoreTies: how often a method gives two different words of one sentence exactly the same score. Rankings break
// such ties by position (`rankTokens`), so a method that ties often (attention flow saturates at the capacity of
// its bottleneck edge) is ranked partly by where a word stands, not by what the method says about it.

/// One method's ties over a set of sentences. Only ties between tokens of different text count: a repeated word
/// often gets its twin's score from the model itself, which says nothing about the method.
public struct ScoreTies: Codable, Equatable, Sendable {
    /// Tokens whose score equals that of a token with other text in the same sentence, over all tokens counted.
    public var tiedTokens: Double
    /// Sentences whose highest score is held by tokens of two or more different texts, over the sentences counted.
    public var sharedTop: Double
    /// Tokens and sentences counted (sentences with at least two distinct token texts).
    public var tokens: Int
    public var sentences: Int

    public init(tiedTokens: Double, sharedTop: Double, tokens: Int, sentences: Int) {
        self.tiedTokens = tiedTokens
        self.sharedTop = sharedTop
        self.tokens = tokens
        self.sentences = sentences
    }
}

/// The ties of one method's input-level scores over `records` (NaN scores never tie; a record without the method,
/// or with fewer than two distinct token texts, is skipped). Exact float equality: a tie is what the ranking sees.
public func scoreTies(_ records: [TraceRecord], method: MethodID) -> ScoreTies {
    var tied = 0, tokens = 0, shared = 0, sentences = 0
    for record in records {
        guard let scores = record.attributions[method]?.scores, scores.count == record.tokens.count,
              Set(record.tokens).count > 1 else { continue }
        sentences += 1
        tokens += scores.count
        var textsByScore: [Float: Set<String>] = [:]
        for (score, token) in zip(scores, record.tokens) where !score.isNaN { textsByScore[score, default: []].insert(token) }
        tied += zip(scores, record.tokens).filter { score, _ in (textsByScore[score]?.count ?? 0) > 1 }.count
        if let top = scores.filter({ !$0.isNaN }).max(), (textsByScore[top]?.count ?? 0) > 1 { shared += 1 }
    }
    return ScoreTies(tiedTokens: tokens > 0 ? Double(tied) / Double(tokens) : 0,
                     sharedTop: sentences > 0 ? Double(shared) / Double(sentences) : 0,
                     tokens: tokens, sentences: sentences)
}
