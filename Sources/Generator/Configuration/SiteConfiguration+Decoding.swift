// SiteConfiguration+Decoding: YAML fields are optional (missing = default) and unknown fields are errors,
// so that a typo in site.yml is reported instead of silently ignored.
import Core
import Foundation

/// A coding key for any string, used to list the keys a YAML mapping actually has.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Throws when the mapping being decoded has a key that is not one of `Keys`.
func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ decoder: Decoder, _ keys: Keys.Type) throws {
    try rejectUnknownKeys(decoder, known: Keys.allCases.map(\.stringValue))
}

/// Throws when the mapping being decoded has a key that is not in `names`.
func rejectUnknownKeys(_ decoder: Decoder, known names: [String]) throws {
    let container = try decoder.container(keyedBy: AnyCodingKey.self)
    let known = Set(names)
    for key in container.allKeys where !known.contains(key.stringValue) {
        throw DecodingError.dataCorrupted(.init(
            codingPath: decoder.codingPath + [key],
            debugDescription: "unknown field; the fields known here are \(known.sorted().joined(separator: ", "))"))
    }
}

extension KeyedDecodingContainer {
    /// The value at `key`, or `fallback` when the key is absent.
    func value<T: Decodable>(_ key: Key, or fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback
    }
}


extension ModelSettings {
    /// `model:` is either the sizes themselves (today's form), `train: {sizes}` or `load: PATH` (+ `pooling_hidden`).
    init(from decoder: Decoder) throws {
        if let form = try ModelSource.decode(decoder) {
            self = form
            return
        }
        try rejectUnknownKeys(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        load = nil
        layers = try c.decodeIfPresent(Int.self, forKey: .layers)
        heads = try c.decodeIfPresent(Int.self, forKey: .heads)
        modelWidth = try c.decodeIfPresent(Int.self, forKey: .modelWidth)
        keyWidth = try c.decodeIfPresent(Int.self, forKey: .keyWidth)
        feedForwardWidth = try c.decodeIfPresent(Int.self, forKey: .feedForwardWidth)
        poolingHidden = try c.decodeIfPresent(Int.self, forKey: .poolingHidden)
        classifierHidden = try c.decodeIfPresent(Int.self, forKey: .classifierHidden)
        dropout = try c.decodeIfPresent(Double.self, forKey: .dropout)
        positional = try c.decodeIfPresent(String.self, forKey: .positional)
        glove = try c.decodeIfPresent(Bool.self, forKey: .glove)
        gloveWords = try c.decodeIfPresent(Int.self, forKey: .gloveWords)
    }
}

extension TrainingSettings {
    init(from decoder: Decoder) throws {
        try rejectUnknownKeys(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = TrainingSettings()
        phrases = try c.value(.phrases, or: d.phrases)
        epochs = try c.value(.epochs, or: d.epochs)
        minutes = try c.decodeIfPresent(Double.self, forKey: .minutes)
        batchSize = try c.value(.batchSize, or: d.batchSize)
        learningRate = try c.value(.learningRate, or: d.learningRate)
        embeddingLearningRateMultiplier = try c.value(.embeddingLearningRateMultiplier, or: d.embeddingLearningRateMultiplier)
        wordDropout = try c.value(.wordDropout, or: d.wordDropout)
        warmupSteps = try c.value(.warmupSteps, or: d.warmupSteps)
        clipNorm = try c.value(.clipNorm, or: d.clipNorm)
        weightDecay = try c.value(.weightDecay, or: d.weightDecay)
        evaluateEvery = try c.value(.evaluateEvery, or: d.evaluateEvery)
        maxTrainingExamples = try c.decodeIfPresent(Int.self, forKey: .maxTrainingExamples)
        minimumWordCount = try c.value(.minimumWordCount, or: d.minimumWordCount)
    }
}

extension CorpusSettings {
    init(from decoder: Decoder) throws {
        try rejectUnknownKeys(decoder, known: CodingKeys.allCases.map(\.stringValue) + UserCorpusSettings.CodingKeys.allCases.map(\.stringValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        data = try UserCorpusSettings.decodeIfPresent(decoder)
        id = try c.decode(String.self, forKey: .id)
        task = try c.decode(TaskID.self, forKey: .task)
        model = try c.value(.model, or: ModelSettings())
        training = try c.value(.training, or: TrainingSettings())
        split = try c.value(.split, or: "test")
        maxExamples = try c.decodeIfPresent(Int.self, forKey: .maxExamples)
        integratedGradientsSteps = try c.value(.integratedGradientsSteps, or: 50)
        narrative = try c.decodeIfPresent(NarrativeSettings.self, forKey: .narrative)
        seeds = try c.decodeIfPresent(SeedList.self, forKey: .seeds)
        randomisationExamples = try c.value(.randomisationExamples, or: 300)
        if task.isUserCorpus { training.phrases = false }   // phrase labels are the treebank's; a user corpus has sentences
        if let names = try c.choiceNames(MethodID.self, forKey: .methods) {
            do { methods = try MethodID.list(names) } catch let error as MethodListError {
                throw DecodingError.dataCorruptedError(forKey: .methods, in: c, debugDescription: error.description)
            }
        }
    }
}

extension ValidationSettings {
    /// As synthesised, but without `lexicons` when there are none, so that the cache keys of a configuration
    /// without user lexicons are what they were before the field existed.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(bootstrapResamples, forKey: .bootstrapResamples)
        try c.encode(minimumOccurrences, forKey: .minimumOccurrences)
        try c.encode(topK, forKey: .topK)
        if !lexicons.isEmpty { try c.encode(lexicons, forKey: .lexicons) }
    }

    init(from decoder: Decoder) throws {
        try rejectUnknownKeys(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ValidationSettings()
        bootstrapResamples = try c.value(.bootstrapResamples, or: d.bootstrapResamples)
        minimumOccurrences = try c.value(.minimumOccurrences, or: d.minimumOccurrences)
        topK = try c.value(.topK, or: d.topK)
        lexicons = try c.value(.lexicons, or: [])
    }
}

extension SiteConfiguration {
    init(from decoder: Decoder) throws {
        try rejectUnknownKeys(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let profile = try c.value(.profile, or: Profile.full)
        self.init(profile: profile)
        title = try c.value(.title, or: title)
        seed = try c.value(.seed, or: seed)
        seeds = try c.value(.seeds, or: seeds)
        corpora = try c.value(.corpora, or: corpora)
        validation = try c.value(.validation, or: validation)
    }
}
