// BuildContext+Pretrained: the `load:` folders and user files of a build — refused early when incomplete, hashed once for the cache keys.
import Core
import Foundation

extension BuildContext {
    /// The SHA-256 of a `load:` folder's config.json, model.safetensors and tokenizer.json, so that a changed
    /// encoder retrains its head and retraces. Taken from `pretrainedDigests` when `digestInputFiles` ran.
    func pretrainedDigest(_ corpus: CorpusSettings) throws -> CacheKey? {
        guard let url = PretrainedHeadTraining.folder(corpus) else { return nil }
        if let known = pretrainedDigests[url.path] { return known }
        let folder = try PretrainedFolder(url: url)
        var b = CacheKey.Builder()
        for name in PretrainedFolder.requiredFiles { try b.addFile(name, at: folder.file(name)) }
        return b.build()
    }

    /// Checks every file the configuration names outside the manifest and hashes it once for the whole build:
    /// each `load:` folder (every missing file named), each user corpus file and user lexicon (against its pin).
    mutating func digestInputFiles() throws {
        for corpus in configuration.corpora {
            if let url = PretrainedHeadTraining.folder(corpus), pretrainedDigests[url.path] == nil {
                pretrainedDigests[url.path] = try pretrainedDigest(corpus)
            }
            if let data = corpus.data {
                for (path, _) in data.sources { fileDigests[data.resolved(path)] = try corpusFileDigest(path, of: data) }
            }
        }
        for lexicon in configuration.validation.lexicons {
            fileDigests[lexicon.path] = try userFileDigest(lexicon.path, pin: lexicon.sha256, what: "lexicon file")
        }
    }

    /// The configuration, tokeniser and encoder of a corpus's `load:` folder (every tensor checked).
    func loadPretrained(_ corpus: CorpusSettings) throws -> LoadedPretrainedModel {
        guard let url = PretrainedHeadTraining.folder(corpus) else {
            preconditionFailure("\(corpus.id) has no load: folder")
        }
        return try PretrainedFolder(url: url).load()
    }
}
