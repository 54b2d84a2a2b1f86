// CorpusStore: locate → read → verify → parse, for every corpus and lexicon; what other commands call.
import Core
import Foundation

/// The lexicons the project validates against.
enum LexiconKind: String, CaseIterable, Sendable {
    case warriner, vader, labmt, anew

    /// The built-in lexicons every build validates against (the others are read for coverage only).
    static let validated: [LexiconKind] = [.warriner, .vader]
}

/// Loads datasets named in the manifest from wherever `DataLocator` finds them, checking each
/// file's SHA-256 before parsing it.
struct CorpusStore: Sendable {
    var manifest: DataManifest
    var locator: DataLocator
    /// The file `manifest` was read from: its bytes key the cache (`BuildContext.dataKey`), and errors name it.
    var manifestPath: String

    init(manifest: DataManifest, locator: DataLocator, manifestPath: String = DataManifest.defaultPath) {
        self.manifest = manifest
        self.locator = locator
        self.manifestPath = manifestPath
    }

    /// The store for the command line: `--data-dir`, `--cache-dir`, `$ATLAS_DATA` and the manifest
    /// at `manifestPath`, relative to the current directory.
    init(dataDirectory: String?, cacheDirectory: String, manifestPath: String = DataManifest.defaultPath,
         environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        self.init(manifest: try DataManifest.load(path: manifestPath),
                  locator: DataLocator(dataDirectory: dataDirectory, environment: environment,
                                       currentDirectory: current, cacheDirectory: cacheDirectory),
                  manifestPath: manifestPath)
    }

    init(options: GlobalOptions) throws {
        try self.init(dataDirectory: options.dataDir, cacheDirectory: options.cacheDir)
    }

    /// The verified bytes of `path` of source `name`, and the path they were read from.
    func bytes(of name: String, path: String) throws -> (bytes: [UInt8], url: URL) {
        let source = try manifest.source(named: name)
        guard let file = source.files.first(where: { $0.path == path }) else {
            throw AtlasError(source: manifestPath, message: "source '\(name)' has no file \(path)")
        }
        let url = try locator.locate(file, of: source)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AtlasError(source: url.path, message: "cannot read file")
        }
        let bytes = Array(data)
        try FileHashing.verify(path: url.path, actual: FileHashing.sha256(of: bytes), expected: file.sha256)
        return (bytes, url)
    }

    func loadSST() throws -> SSTCorpus {
        func split(_ name: String) throws -> [SSTSentence] {
            let (bytes, url) = try bytes(of: "sst", path: "sst/\(name).txt")
            return try SSTParser.parse(bytes, source: url.path)
        }
        return SSTCorpus(train: try split("train"), dev: try split("dev"), test: try split("test"))
    }

    func loadEmoBank() throws -> [EmoBankSentence] {
        let csv = try bytes(of: "emobank", path: "emobank/emobank.csv")
        let meta = try bytes(of: "emobank", path: "emobank/meta.tsv")
        return try EmoBankParser.parse(csv: csv.bytes, csvSource: csv.url.path, meta: meta.bytes, metaSource: meta.url.path)
    }

    func loadLexicon(_ kind: LexiconKind) throws -> Lexicon {
        let source = try manifest.source(named: kind.rawValue)
        let (bytes, url) = try bytes(of: kind.rawValue, path: source.files[0].path)
        switch kind {
        case .warriner: return try Lexicon.parseWarriner(bytes, source: url.path)
        case .vader: return try Lexicon.parseVADER(bytes, source: url.path)
        case .labmt: return try Lexicon.parseLabMT(bytes, source: url.path)
        case .anew: return try Lexicon.parseANEW(bytes, source: url.path)
        }
    }

    /// GloVe 6B 50-d as converted by `atlas data fetch --glove`: 400,000 words × 50.
    func loadGloVe() throws -> WordEmbeddings {
        let words = try bytes(of: "glove", path: GloVeConverter.wordsPath)
        let matrix = try bytes(of: "glove", path: GloVeConverter.matrixPath)
        return try WordEmbeddings(wordList: words.bytes, wordListSource: words.url.path, matrix: matrix.bytes,
                                  matrixSource: matrix.url.path, dimension: GloVeConverter.dimension)
    }
}

extension CorpusStore {
    /// The bytes of a user corpus's file and the path they were read from (as the user would type it), checked
    /// against its `sha256:` pin when it has one.
    func userFile(_ path: String, of data: UserCorpusSettings) throws -> (bytes: [UInt8], location: String) {
        let location = data.resolved(path)
        return (try readUserFile(location, pin: data.sha256[path], what: "corpus file"), location)
    }

    /// A file the configuration names (a corpus's, a lexicon's), checked against its SHA-256 pin when it has one.
    func readUserFile(_ location: String, pin: String?, what: String) throws -> [UInt8] {
        guard let contents = FileManager.default.contents(atPath: location) else {
            throw AtlasError(source: location, message: "cannot read the \(what)",
                             hint: "paths in the configuration are relative to the configuration file's folder")
        }
        let bytes = Array(contents)
        if let pin {
            try FileHashing.verify(path: location, actual: FileHashing.sha256(of: bytes), expected: pin.lowercased())
        }
        return bytes
    }
}
