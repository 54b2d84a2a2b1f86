// PretrainedDefaults: the default site's second SST-5 model — all-MiniLM-L6-v2, frozen, with a trained attention-pooling head.

extension CorpusSettings {
    /// Where `atlas data fetch --minilm` (run by scripts/setup.sh) puts the model, relative to the repository.
    static let miniLMFolder = "corpora/cache/models/all-minilm-l6-v2"

    /// SST-5 traced through the frozen all-MiniLM-L6-v2. Its examples are SST-5's, so the site shows both models
    /// on the same example pages. The CI profile encodes 2,000 training sentences and traces 40 test sentences.
    static func miniLM(profile: Profile) -> CorpusSettings {
        var model = ModelSettings()
        model.load = miniLMFolder
        var corpus = CorpusSettings(id: "sst5-minilm", task: .sst5, model: model)
        corpus.training.phrases = false
        corpus.integratedGradientsSteps = 16
        if profile == .ci {
            corpus.training.maxTrainingExamples = 2000
            corpus.maxExamples = 40
        }
        return corpus
    }

    /// The model's name on the site: the task, and for a loaded model the folder it came from.
    var modelName: String {
        guard let load = model.load else { return corpusName }
        let folder = load.split(separator: "/").last.map(String.init) ?? load
        let short = corpusName.components(separatedBy: " (")[0]
        return "\(short) · pretrained \(folder)"
    }
}

extension CorpusSettings {
    /// The corpus's name on the site: a user corpus's `name:` (or its id and task), a built-in task's name.
    var corpusName: String {
        guard task.isUserCorpus else { return task.displayName }
        return data?.name ?? "\(id) (\(task.displayName))"
    }

    /// The model's label in the example pages' model selector.
    var shortModelName: String {
        guard let load = model.load else { return "Transformer trained from scratch" }
        let folder = load.split(separator: "/").last.map(String.init) ?? load
        return "\(folder) (pretrained, frozen) + trained head"
    }
}
