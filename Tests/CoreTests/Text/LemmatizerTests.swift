// LemmatizerTests: each rule family, the candidate order, and the guards against silly stems.
import Testing
@testable import Core

@Suite struct LemmatizerTests {
    let lemmatizer = Lemmatizer()

    private func first(_ word: String) -> LemmaCandidate? { lemmatizer.lemmaCandidates(word).first }

    private func lemmas(_ word: String) -> [String] { lemmatizer.lemmaCandidates(word).map(\.lemma) }

    @Test(arguments: [("went", "go"), ("better", "good"), ("children", "child"), ("worst", "bad"),
                      ("people", "person"), ("was", "be"), ("thought", "think"), ("wolves", "wolf")])
    func irregularFormsComeFirst(form: String, lemma: String) {
        #expect(first(form) == LemmaCandidate(lemma: lemma, rule: "irregular"))
    }

    @Test(arguments: [("stories", "story", "plural-ies"), ("boxes", "box", "plural-es"),
                      ("watches", "watch", "plural-es"), ("films", "film", "plural-s"),
                      ("cried", "cry", "past-ied"), ("walked", "walk", "past-ed"), ("loved", "love", "past-ed-e"),
                      ("hoped", "hope", "past-ed-e"), ("stopped", "stop", "past-ed-doubled"),
                      ("making", "make", "progressive-ing-e"), ("running", "run", "progressive-ing-doubled"),
                      ("dying", "die", "progressive-ying"), ("happier", "happy", "comparative-ier"),
                      ("happiest", "happy", "superlative-iest"), ("bigger", "big", "comparative-er-doubled"),
                      ("greatest", "great", "superlative-est"), ("nicer", "nice", "comparative-er-e"),
                      ("sadly", "sad", "adverb-ly"), ("happily", "happy", "adverb-ily"), ("film's", "film", "possessive")])
    func firstCandidateOfEachRule(word: String, lemma: String, rule: String) {
        #expect(first(word) == LemmaCandidate(lemma: lemma, rule: rule), "\(lemmatizer.lemmaCandidates(word))")
    }

    /// The join tries every candidate, so the second reading must be there too.
    @Test func alternativeReadingsFollow() {
        #expect(lemmas("hoped").prefix(2) == ["hope", "hop"])
        #expect(lemmas("killed").contains("kill"))
        #expect(lemmas("travelled").contains("travel"))
        #expect(lemmas("leaves").contains("leaf") && lemmas("leaves").contains("leave"))
    }

    @Test func guardsAgainstSillyStems() {
        #expect(!lemmas("thing").contains("th"))
        #expect(!lemmas("glass").contains("glas"))
        #expect(!lemmas("virus").contains("viru"))
        #expect(lemmas("movie").isEmpty)
        #expect(!lemmas("films").contains("films"))
    }

    @Test func upperCaseIsLowered() {
        #expect(first("Went") == LemmaCandidate(lemma: "go", rule: "irregular"))
    }

    @Test func candidatesAreUnique() {
        for word in ["loves", "stopping", "bigger", "leaves", "dying", "happiest"] {
            let all = lemmas(word)
            #expect(Set(all).count == all.count, "\(word): \(all)")
        }
    }
}
