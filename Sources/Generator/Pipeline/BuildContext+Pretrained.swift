// BuildContext+Pretrained: the `load:` folders of a build — refused early when incomplete, hashed once for the cache keys.
import Core
import Foundation

extension BuildContext {
    /// The SHA-256 of a `load:` folder's config.json, model.safetensors and tokenizer.json, so that a changed
    /// encoder retrains its head and retraces. Taken from `pretrainedDigests` when `digestPretrainedFolders` ran.
    func pretrainedDigest(_ corpus: CorpusSettings) throws -> CacheKey? {
        guard let url = PretrainedHeadTraining.folder(corpus) else { return nil }
        if let known = pretrainedDigests[url.path] { return known }
        let folder = try PretrainedFolder(url: url)
        var b = CacheKey.Builder()
        for name in PretrainedFolder.requiredFiles { try b.addFile(name, at: folder.file(name)) }
        return b.build()
    }

    /// Checks every `load:` folder (every missing file named) and hashes it once for the whole build.
    mutating func digestPretrainedFolders() throws {
        for corpus in configuration.corpora {
            guard let url = PretrainedHeadTraining.folder(corpus), pretrainedDigests[url.path] == nil else { continue }
            pretrainedDigests[url.path] = try pretrainedDigest(corpus)
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
