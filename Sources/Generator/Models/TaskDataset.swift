// TaskDataset: a task's examples (train, dev, test) as the pipeline uses them: ids, tokens, gold target, rationale.
import Core

/// One sentence of a corpus, as traced and shown on the site.
struct CorpusExample: Sendable, Equatable {
    var id: String
    var tokens: [String]
    var target: TrainingTarget
    /// SST only: the human rationale derived from the tree (Carton, Rathore & Tan 2020), one value per token.
    var rationale: [Double]?
    /// EmoBank only: the document and genre the sentence comes from.
    var document: String?
    var genre: String?
}

/// The labelled examples of one task, split as published.
struct TaskDataset: Sendable {
    var task: TaskID
    var train: [CorpusExample]
    var dev: [CorpusExample]
    var test: [CorpusExample]
    /// Extra training items (SST: every distinct labelled phrase of the training trees); empty when unused.
    var trainingPhrases: [(tokens: [String], target: TrainingTarget)]
    /// A user corpus's label names (task classification), in class order.
    var declaredLabels: [String]? = nil

    /// Class names for classification tasks, nil for regression.
    var classNames: [String]? {
        switch task {
        case .sst5: ["very negative", "negative", "neutral", "positive", "very positive"]
        case .sst2: ["negative", "positive"]
        case .classification: declaredLabels
        case .emobankValence, .emobankNarrative, .regression: nil
        }
    }

    func split(_ name: String) -> [CorpusExample] {
        switch name {
        case "train": train
        case "dev": dev
        default: test
        }
    }

    /// Text for a target: the class name, or the valence with two decimals.
    func describe(_ target: TrainingTarget) -> String {
        switch target {
        case .classIndex(let c): classNames.map { $0[c] } ?? "\(c)"
        case .value(let v): String(format: "%.2f", Double(v))
        }
    }
}

extension TaskDataset {
    /// Builds the dataset of a corpus: a built-in task's from the corpora in `store`, a user corpus's from its files.
    static func load(_ corpus: CorpusSettings, from store: CorpusStore) throws -> TaskDataset {
        let task = corpus.task, phrases = corpus.training.phrases
        switch task {
        case .classification, .regression:
            guard let data = corpus.data else {
                throw AtlasError(source: "configuration", message: "corpus '\(corpus.id)': task \(task.rawValue) needs its files",
                                 hint: "add format: and files: (see the README's “Your own corpus”)")
            }
            return try userCorpus(task, data, from: store)
        case .sst5, .sst2:
            let fiveClass = try store.loadSST()
            let corpus = task == .sst2 ? fiveClass.binarized() : fiveClass
            func examples(_ sentences: [SSTSentence], _ split: String) -> [CorpusExample] {
                sentences.enumerated().map { index, sentence in
                    CorpusExample(id: "\(split)-\(index + 1)", tokens: sentence.tokens,
                                  target: .classIndex(sentence.label), rationale: humanRationale(sentence.root))
                }
            }
            // SST-2 trains on every polar phrase of every training tree, neutral sentences included (as GLUE's
            // SST-2 does); its dev and test sets are the polar sentences only.
            let phraseItems = !phrases ? []
                : SSTSentence.distinctPhrases(of: fiveClass.train).compactMap { phrase in
                    (task == .sst2 ? SSTSentence.binaryLabel(phrase.label) : phrase.label).map {
                        (tokens: phrase.tokens, target: TrainingTarget.classIndex($0))
                    }
                }
            return TaskDataset(task: task, train: examples(corpus.train, "train"), dev: examples(corpus.dev, "dev"),
                               test: examples(corpus.test, "test"), trainingPhrases: phraseItems)
        case .emobankNarrative:
            // The narratives' sentences, split per document (see `EmoBankNarratives`), not EmoBank's own split.
            var dataset = NarrativeData.windowDataset(EmoBankNarratives.sequences(try store.loadEmoBank()))
            dataset.task = task
            return dataset
        case .emobankValence:
            let sentences = try store.loadEmoBank()
            func examples(_ split: DataSplit) -> [CorpusExample] {
                sentences.filter { $0.split == split }.map {
                    CorpusExample(id: $0.id, tokens: $0.tokens, target: .value(Float($0.valence)), rationale: nil,
                                  document: $0.document, genre: $0.genre)
                }
            }
            return TaskDataset(task: task, train: examples(.train), dev: examples(.dev), test: examples(.test),
                               trainingPhrases: [])
        }
    }
}
