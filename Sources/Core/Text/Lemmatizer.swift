// Lemmatizer: a rule-based English lemmatiser that proposes lemma candidates for joining words to lexicon lemmas.

/// A possible lemma of a word and the rule that produced it (e.g. "plural-s", "past-ed-e", "irregular").
public struct LemmaCandidate: Codable, Equatable, Hashable, Sendable {
    public var lemma: String
    public var rule: String

    public init(lemma: String, rule: String) {
        self.lemma = lemma
        self.rule = rule
    }
}

/// Proposes lemmas for an English word form, most plausible first, so that a lexicon join can try each in turn.
///
/// It does not decide; it guesses. "hoped" yields "hope" before "hop" (a stem ending consonant–vowel–consonant
/// usually lost an e), "stopped" yields "stop" (a doubled final consonant was added), "walked" yields "walk".
/// The rules, in order:
/// 1. the exception list (irregular verbs, plurals and comparatives: went → go, children → child, better → good);
/// 2. plurals and third-person -s: -ies → -y, -ves → -f/-fe, -es → ∅ after s, x, z, ch, sh, o; -s → ∅
///    (not after s, u or i: "glass", "virus", "this");
/// 3. past tense: -ied → -y; -ed → stem, stem + e, or the stem with its doubled consonant undone;
/// 4. progressive: -ying → -ie; -ing → as -ed;
/// 5. comparatives and superlatives: -ier/-iest → -y; -er/-est → as -ed;
/// 6. adverbs: -ily → -y; -ly → ∅ (sadly → sad);
/// 7. possessive 's → ∅.
/// A stem must keep a vowel (a, e, i, o, u, y) and at least two letters, so "thing" never becomes "th".
/// The word itself is never a candidate (the join tries the exact word first). Input is lower-cased.
public struct Lemmatizer: Sendable {
    /// Irregular form → lemma.
    public var exceptions: [String: String]

    public init(exceptions: [String: String] = Lemmatizer.defaultExceptions) {
        self.exceptions = exceptions
    }

    /// The candidates for `word`, most plausible first, without duplicates.
    public func lemmaCandidates(_ word: String) -> [LemmaCandidate] {
        let word = word.lowercased()
        var candidates: [LemmaCandidate] = []
        func add(_ lemma: String, _ rule: String) {
            guard lemma != word, lemma.count >= 2, lemma.contains(where: { "aeiouy".contains($0) }),
                  !candidates.contains(where: { $0.lemma == lemma }) else { return }
            candidates.append(LemmaCandidate(lemma: lemma, rule: rule))
        }
        if let lemma = exceptions[word] { add(lemma, "irregular") }
        if word.hasSuffix("'s") { add(String(word.dropLast(2)), "possessive") }

        // Plurals and third person singular.
        if word.hasSuffix("ies") { add(String(word.dropLast(3)) + "y", "plural-ies") }
        if word.hasSuffix("ves") {
            add(String(word.dropLast(3)) + "f", "plural-ves")
            add(String(word.dropLast(3)) + "fe", "plural-ves")
        }
        if word.hasSuffix("es") {
            let stem = String(word.dropLast(2))
            if ["s", "x", "z", "ch", "sh", "o"].contains(where: { stem.hasSuffix($0) }) { add(stem, "plural-es") }
        }
        if word.hasSuffix("s"), !["ss", "us", "is"].contains(where: { word.hasSuffix($0) }) {
            add(String(word.dropLast()), "plural-s")
        }

        // Verb inflections.
        if word.hasSuffix("ied") { add(String(word.dropLast(3)) + "y", "past-ied") }
        if word.hasSuffix("ed") { addStemForms(String(word.dropLast(2)), rule: "past-ed", add) }
        if word.hasSuffix("ying") { add(String(word.dropLast(4)) + "ie", "progressive-ying") }
        if word.hasSuffix("ing") { addStemForms(String(word.dropLast(3)), rule: "progressive-ing", add) }

        // Comparatives and superlatives.
        if word.hasSuffix("ier") { add(String(word.dropLast(3)) + "y", "comparative-ier") }
        if word.hasSuffix("iest") { add(String(word.dropLast(4)) + "y", "superlative-iest") }
        if word.hasSuffix("er") { addStemForms(String(word.dropLast(2)), rule: "comparative-er", add) }
        if word.hasSuffix("est") { addStemForms(String(word.dropLast(3)), rule: "superlative-est", add) }

        // Adverbs.
        if word.hasSuffix("ily") { add(String(word.dropLast(3)) + "y", "adverb-ily") }
        if word.hasSuffix("ly") { add(String(word.dropLast(2)), "adverb-ly") }
        return candidates
    }

    /// The stems behind a vowel suffix (-ed, -ing, -er, -est), ordered by the shape of the stem:
    /// a doubled final consonant (other than l, s, f, z) is undone first ("stopp" → "stop");
    /// a consonant–vowel–consonant ending restores an e first ("hop" → "hope", then "hop");
    /// otherwise the bare stem first ("walk"), then stem + e.
    private func addStemForms(_ stem: String, rule: String, _ add: (String, String) -> Void) {
        let letters = Array(stem)
        guard letters.count >= 2 else { return }
        let last = letters[letters.count - 1], beforeLast = letters[letters.count - 2]
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if last == beforeLast, !vowels.contains(last), !"lsfz".contains(last) {
            add(String(letters.dropLast()), rule + "-doubled")
        }
        let endsConsonantVowelConsonant = letters.count >= 3 && !vowels.contains(last) && !"wxy".contains(last)
            && vowels.contains(beforeLast) && !vowels.contains(letters[letters.count - 3])
        if endsConsonantVowelConsonant {
            add(stem + "e", rule + "-e")
            add(stem, rule)
        } else {
            add(stem, rule)
            add(stem + "e", rule + "-e")
        }
        if last == beforeLast, !vowels.contains(last) { add(String(letters.dropLast()), rule + "-doubled") }
    }
}
