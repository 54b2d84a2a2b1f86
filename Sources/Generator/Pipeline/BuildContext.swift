// BuildContext: what the build's steps share — configuration, folders, cache keys and every artifact so far.
import Core
import Foundation

/// Bumped by hand when a stage's code changes what it produces, so that cached artifacts are rebuilt.
enum StageVersion {
    static let model = "model-2"  // 2: regression targets standardised; GloVe rows for unknown words at GloVe scale
    static let trace = "trace-1"
    static let validation = "validation-1"
}

/// The state of one `atlas build`. Artifacts are loaded lazily from the cache folder, so that a build whose
/// outputs are all current reads almost nothing.
struct BuildContext {
    var configuration: SiteConfiguration
    var configurationSource: String
    var store: CorpusStore
    /// `<cache>/build`: models, traces, validation reports, step keys.
    var cacheFolder: URL
    var outputFolder: URL
    var templatesFolder: URL
    var threads: Int
    var forced: Set<String>
    var output: TerminalOutput

    var datasets: [String: TaskDataset] = [:]
    var lexicons: [Lexicon] = []
    var models: [String: TrainedModel] = [:]
    var traces: [String: [TraceRecord]] = [:]
    var reports: [String: ValidationReport] = [:]
    /// The templates, loaded before the pipeline starts (loading is asynchronous; steps are not).
    var renderer: SiteRenderer?
    /// The rendered site, staged until the check step commits it.
    var stagedSite: SiteWriter?

    // MARK: Keys (cheap: configuration and file hashes only)

    /// Identity of the data: the manifest holds every file's SHA-256, and the store verifies each file against it.
    func dataKey() throws -> CacheKey {
        var b = CacheKey.Builder()
        try b.addFile("manifest", at: URL(fileURLWithPath: DataManifest.defaultPath))
        return b.build()
    }

    func modelKey(_ corpus: CorpusSettings) throws -> CacheKey {
        var b = CacheKey.Builder()
        b.add("data", try dataKey())
        b.add("task", corpus.task.rawValue)
        b.add("model", try Self.json(corpus.model))
        b.add("training", try Self.json(corpus.training))
        b.add("seed", String(configuration.seed))
        b.add("version", StageVersion.model)
        return b.build()
    }

    func traceKey(_ corpus: CorpusSettings) throws -> CacheKey {
        var b = CacheKey.Builder()
        b.add("model", try modelKey(corpus))
        b.add("split", corpus.split)
        b.add("max", String(corpus.maxExamples ?? -1))
        b.add("ig", String(corpus.integratedGradientsSteps))
        b.add("version", StageVersion.trace)
        return b.build()
    }

    func validationKey(_ corpus: CorpusSettings) throws -> CacheKey {
        var b = CacheKey.Builder()
        b.add("trace", try traceKey(corpus))
        b.add("validation", try Self.json(configuration.validation))
        b.add("seed", String(configuration.seed))
        b.add("version", StageVersion.validation)
        return b.build()
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    // MARK: Artifact locations

    func modelFolder(_ corpus: CorpusSettings) throws -> URL {
        cacheFolder.appendingPathComponent("models/\(corpus.id)-\(try modelKey(corpus).hex.prefix(16))")
    }

    func traceFile(_ corpus: CorpusSettings) throws -> URL {
        cacheFolder.appendingPathComponent("traces/\(corpus.id)-\(try traceKey(corpus).hex.prefix(16)).jsonl")
    }

    func validationFile(_ corpus: CorpusSettings) throws -> URL {
        cacheFolder.appendingPathComponent("validation/\(corpus.id)-\(try validationKey(corpus).hex.prefix(16)).json")
    }

    // MARK: Step keys

    /// The key of a step whose artifacts are one file per corpus: the corpora's keys combined, or nil (run the
    /// step) when any artifact is missing.
    func artifactsKey(file: (CorpusSettings) throws -> URL, key: (CorpusSettings) throws -> CacheKey) throws -> CacheKey? {
        var b = CacheKey.Builder()
        for corpus in configuration.corpora {
            guard FileManager.default.fileExists(atPath: try file(corpus).path) else { return nil }
            b.add(corpus.id, try key(corpus))
        }
        return b.build()
    }

    /// Whether `step` must redo an artifact that already exists (`--force step` or `--force all`).
    func isForced(_ step: String) -> Bool { forced.contains(step) || forced.contains("all") }

    // MARK: Lazy loading

    mutating func dataset(_ corpus: CorpusSettings) throws -> TaskDataset {
        let key = "\(corpus.task.rawValue)/\(corpus.training.phrases)"
        if let cached = datasets[key] { return cached }
        let dataset = try TaskDataset.load(corpus.task, from: store, phrases: corpus.training.phrases)
        datasets[key] = dataset
        return dataset
    }

    mutating func loadLexicons() throws -> [Lexicon] {
        if lexicons.isEmpty { lexicons = try [LexiconKind.warriner, .vader].map(store.loadLexicon) }
        return lexicons
    }

    mutating func model(_ corpus: CorpusSettings) throws -> TrainedModel {
        if let cached = models[corpus.id] { return cached }
        let model = try ModelCheckpoint.load(from: try modelFolder(corpus))
        models[corpus.id] = model
        return model
    }

    mutating func records(_ corpus: CorpusSettings) throws -> [TraceRecord] {
        if let cached = traces[corpus.id] { return cached }
        let url = try traceFile(corpus)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AtlasError(source: url.path, message: "trace file missing", hint: "run `atlas build --force trace`")
        }
        let records = try TraceRecord.records(fromJSONLines: String(decoding: data, as: UTF8.self), source: url.path)
        traces[corpus.id] = records
        return records
    }

    mutating func report(_ corpus: CorpusSettings) throws -> ValidationReport {
        if let cached = reports[corpus.id] { return cached }
        let url = try validationFile(corpus)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AtlasError(source: url.path, message: "validation report missing",
                             hint: "run `atlas build --force validate`")
        }
        let report = try JSONDecoder().decode(ValidationReport.self, from: data)
        reports[corpus.id] = report
        return report
    }
}
