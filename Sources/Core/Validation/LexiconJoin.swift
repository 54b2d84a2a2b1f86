// LexiconJoin: joins word types to a lexicon by the lower-cased word, then by lemma candidates, counting each route.

/// A word type joined to a lexicon entry: the entry's key, the rule that found it ("exact" or a lemmatiser rule),
/// and the rating on the joined dimension.
public struct JoinedWord: Codable, Equatable, Sendable {
    public var word: WordScore
    public var lemma: String
    public var rule: String
    public var rating: Double
}

/// How a join went: matched counts before (exact) and after lemmatisation, and which words matched by which rule.
public struct LexiconJoinSummary: Codable, Equatable, Sendable {
    public var lexicon: String
    public var dimension: EmotionDimension
    public var wordTypes: Int
    /// Matched by the lower-cased word itself.
    public var matchedExact: Int
    /// Matched by the word or one of its lemma candidates.
    public var matchedAfterLemmatization: Int
    /// Rule → number of words it matched ("exact" included).
    public var matchesByRule: [String: Int]
    /// The words matched through a lemma, as "word → lemma (rule)" triples.
    public var lemmaMatches: [LemmaMatch]
    /// Entries skipped because their rating was NaN or infinite.
    public var nonFiniteRatingsSkipped: Int
}

/// One word matched through a lemma candidate.
public struct LemmaMatch: Codable, Equatable, Sendable {
    public var word: String
    public var lemma: String
    public var rule: String
}

/// Joins `words` to `lexicon` on `dimension`: first the lower-cased word, then each of
/// `lemmatizer.lemmaCandidates(word)` in order; the first entry with a finite rating wins. An entry whose rating is
/// NaN or infinite is skipped (and counted), so no non-finite rating ever reaches a statistic.
public func joinToLexicon(_ words: [WordScore], lexicon: Lexicon, dimension: EmotionDimension,
                          lemmatizer: Lemmatizer = Lemmatizer()) -> (joined: [JoinedWord], summary: LexiconJoinSummary) {
    var joined: [JoinedWord] = []
    var byRule: [String: Int] = [:]
    var lemmaMatches: [LemmaMatch] = []
    var exact = 0, nonFinite = 0
    for word in words {
        let candidates = [LemmaCandidate(lemma: word.word.lowercased(), rule: "exact")]
            + lemmatizer.lemmaCandidates(word.word)
        for candidate in candidates {
            guard let rating = lexicon.rating(of: candidate.lemma, on: dimension) else { continue }
            guard rating.mean.isFinite else {
                nonFinite += 1
                continue
            }
            joined.append(JoinedWord(word: word, lemma: candidate.lemma, rule: candidate.rule, rating: rating.mean))
            byRule[candidate.rule, default: 0] += 1
            if candidate.rule == "exact" {
                exact += 1
            } else {
                lemmaMatches.append(LemmaMatch(word: word.word, lemma: candidate.lemma, rule: candidate.rule))
            }
            break
        }
    }
    let summary = LexiconJoinSummary(lexicon: lexicon.name, dimension: dimension, wordTypes: words.count,
                                     matchedExact: exact, matchedAfterLemmatization: joined.count,
                                     matchesByRule: byRule, lemmaMatches: lemmaMatches,
                                     nonFiniteRatingsSkipped: nonFinite)
    return (joined, summary)
}
