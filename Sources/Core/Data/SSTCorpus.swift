// SSTCorpus: the three standard SST splits, the SST-2 derivation and the distinct training phrases.

/// SST with its standard split: 8,544 train / 1,101 dev / 2,210 test sentences.
public struct SSTCorpus: Equatable, Sendable {
    public var train: [SSTSentence]
    public var dev: [SSTSentence]
    public var test: [SSTSentence]

    public init(train: [SSTSentence], dev: [SSTSentence], test: [SSTSentence]) {
        self.train = train
        self.dev = dev
        self.test = test
    }

    public subscript(split: DataSplit) -> [SSTSentence] {
        switch split {
        case .train: train
        case .dev: dev
        case .test: test
        }
    }

    /// SST-2: neutral sentences dropped, every other sentence and phrase binarised (see
    /// `SSTSentence.binarized()`). Sizes 6,920 / 872 / 1,821.
    public func binarized() -> SSTCorpus {
        SSTCorpus(train: train.compactMap { $0.binarized() }, dev: dev.compactMap { $0.binarized() },
                  test: test.compactMap { $0.binarized() })
    }
}

/// A phrase as a training example: its tokens and label.
public struct SSTPhraseExample: Equatable, Codable, Sendable {
    public var tokens: [String]
    public var label: Int

    public init(tokens: [String], label: Int) {
        self.tokens = tokens
        self.label = label
    }
}

extension SSTSentence {
    /// SST-2 label of a 5-class label: 0–1 → 0 (negative), 3–4 → 1 (positive), 2 → nil (dropped).
    public static func binaryLabel(_ label: Int) -> Int? {
        switch label {
        case 0, 1: 0
        case 3, 4: 1
        default: nil
        }
    }

    /// This sentence for SST-2: nil when its label is neutral; otherwise the sentence label and
    /// phrase labels binarised, neutral phrases dropped. `root` keeps the original 5-class labels.
    public func binarized() -> SSTSentence? {
        guard let binary = Self.binaryLabel(label) else { return nil }
        var copy = self
        copy.label = binary
        copy.phrases = phrases.compactMap { phrase in
            Self.binaryLabel(phrase.label).map { SSTPhrase(tokenRange: phrase.tokenRange, label: $0) }
        }
        return copy
    }

    /// Every labelled phrase of `sentences` (sentence labels as given: 5-class, or binary after
    /// `binarized()`), deduplicated by token sequence, first occurrence kept, in order.
    ///
    /// Lower-cased keys (the default, matching the default vocabulary) give 156,817 distinct
    /// phrases on the training split; exact-case keys give 159,274.
    public static func distinctPhrases(of sentences: [SSTSentence], lowercased: Bool = true) -> [SSTPhraseExample] {
        var seen = Set<[String]>()
        var result: [SSTPhraseExample] = []
        for sentence in sentences {
            for phrase in sentence.phrases {
                let tokens = Array(sentence.tokens(of: phrase))
                let key = lowercased ? tokens.map { $0.lowercased() } : tokens
                if seen.insert(key).inserted { result.append(SSTPhraseExample(tokens: tokens, label: phrase.label)) }
            }
        }
        return result
    }
}
