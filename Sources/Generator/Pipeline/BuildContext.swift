// BuildContext: what the build's steps share — configuration, folders, cache keys and every artifact so far.
import Core
import Foundation

/// Bumped by hand when a stage's code changes what it produces, so that cached artifacts are rebuilt.
enum StageVersion {
    static let model = "model-3"  // 2: regression targets standardised; GloVe rows for unknown words at GloVe scale;
    // 3: products cut in two at any thread count (training no longer depends on it; float32 noise against 2)
    static let trace = "trace-4"  // 2: records LAT connections; 3: products cut in two at any thread count;
    // 4: the decomposition methods (norm, norm + residual + LN, GlobEnc, ALTI, value zeroing, norm-weighted LAT)
    static let validation = "validation-1"
    static let faithfulness = "faithfulness-3"  // 2: pairwise comparisons between methods; 3: as trace-3
    static let faithfulnessExamples = "faithfulness-examples-1"
    static let controls = "controls-2"  // 2: as trace-3
    static let seeds = "seeds-5"  // 2: agreement between methods; 3: faithfulness across seeds; 4: LAT per word; 5: ties
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
    /// Set while models train side by side (`TrainStep`): the cores they share, so a training still running
    /// takes over a finished neighbour's core.
    var coreShare: CoreShare? = nil
    /// `atlas build --shard i/N`: the build does only this shard's share of the train, trace and faithfulness
    /// work and writes it to the cache (`ShardStep`); nil: the whole build.
    var shard: Shard? = nil
    /// `atlas build --merge`: the trace and faithfulness steps only put shards together and the train step trains
    /// nothing — work the shards should have done is an error naming it, not hours spent doing it here.
    var mergesShards = false

    var datasets: [String: TaskDataset] = [:]
    var lexicons: [Lexicon] = []
    // The results of each run so far, by `CorpusRun.stem`.
    var models: [String: TrainedModel] = [:]
    var narratives: [String: TrainedNarrative] = [:]
    var traces: [String: [TraceRecord]] = [:]
    var reports: [String: ValidationReport] = [:]
    var faithfulness: [String: FaithfulnessSummary] = [:]
    /// By corpus id: the model-randomisation control of its first seed.
    var controls: [String: RandomisationControl] = [:]
    /// By corpus id: the statistics across its seeds and its methods' agreement.
    var seedSummaries: [String: SeedSummary] = [:]
    /// `load:` folder path → digest of its files (see BuildContext+Pretrained).
    var pretrainedDigests: [String: CacheKey] = [:]
    /// A user corpus's or lexicon's file, by the path it is read from → its digest: hashed once a build, since
    /// the keys that include it are asked for many times (a corpus of 10⁶ sentences is hundreds of MB).
    var fileDigests: [String: CacheKey] = [:]
    /// The templates, loaded before the pipeline starts (loading is asynchronous; steps are not).
    var renderer: SiteRenderer?
    /// The rendered site, staged until the check step commits it.
    var stagedSite: SiteWriter?

    // MARK: Keys (cheap: configuration and file hashes only)

    /// Identity of the data: the manifest holds every file's SHA-256, and the store verifies each file against it.
    func dataKey() throws -> CacheKey {
        var b = CacheKey.Builder()
        try b.addFile("manifest", at: URL(fileURLWithPath: store.manifestPath))
        return b.build()
    }

    /// A user corpus's identity: its files' bytes and how they are read (not where they are).
    func userDataKey(_ data: UserCorpusSettings) throws -> CacheKey {
        var b = CacheKey.Builder()
        for (path, splits) in data.sources { b.add(splits.joined(separator: "+"), try corpusFileDigest(path, of: data)) }
        b.add("reading", try Self.json(data.reading))
        return b.build()
    }

    func modelKey(_ run: CorpusRun) throws -> CacheKey {
        let corpus = run.corpus
        var b = CacheKey.Builder()
        b.add("data", try dataKey())
        if let data = corpus.data { b.add("corpus", try userDataKey(data)) }
        b.add("task", corpus.task.rawValue)
        b.add("model", try Self.json(corpus.model))
        if let encoder = try pretrainedDigest(corpus) { b.add("encoder", encoder) }
        b.add("training", try Self.json(corpus.training))
        b.add("seed", String(run.seed))
        b.add("version", StageVersion.model)
        return b.build()
    }

    func traceKey(_ run: CorpusRun) throws -> CacheKey {
        let corpus = run.corpus
        var b = CacheKey.Builder()
        b.add("model", try modelKey(run))
        b.add("split", corpus.split)
        b.add("max", String(corpus.maxExamples ?? -1))
        b.add("ig", String(corpus.integratedGradientsSteps))
        if let methods = corpus.methods { b.add("methods", methods.sorted().map(\.rawValue).joined(separator: ",")) }
        b.add("version", StageVersion.trace)
        return b.build()
    }

    /// The user's lexicons' bytes (the built-in ones are in the manifest, which keys the data).
    func userLexiconsKey() throws -> CacheKey {
        var b = CacheKey.Builder()
        for lexicon in configuration.validation.lexicons {
            b.add(lexicon.name, try userFileDigest(lexicon.path, pin: lexicon.sha256, what: "lexicon file"))
        }
        return b.build()
    }

    /// A user corpus file's digest (`path` as the configuration writes it).
    func corpusFileDigest(_ path: String, of data: UserCorpusSettings) throws -> CacheKey {
        try userFileDigest(data.resolved(path), pin: data.sha256[path], what: "corpus file")
    }

    /// The SHA-256 of a file the configuration names (checked against its pin): from `fileDigests` when
    /// `digestInputFiles` hashed it, else read now.
    func userFileDigest(_ location: String, pin: String?, what: String) throws -> CacheKey {
        if let known = fileDigests[location] { return known }
        var b = CacheKey.Builder()
        b.add("sha256", Data(FileHashing.sha256(of: try store.readUserFile(location, pin: pin, what: what)).utf8))
        return b.build()
    }

    func validationKey(_ run: CorpusRun) throws -> CacheKey {
        var b = CacheKey.Builder()
        b.add("trace", try traceKey(run))
        if !configuration.validation.lexicons.isEmpty { b.add("lexicons", try userLexiconsKey()) }
        b.add("validation", try Self.json(configuration.validation))
        b.add("seed", String(run.seed))
        b.add("version", StageVersion.validation)
        return b.build()
    }

    /// The per-example evaluations (the model re-runs) depend on the traces (and through them the model), the bins
    /// and the seed (of the random baseline).
    func faithfulnessExamplesKey(_ run: CorpusRun) throws -> CacheKey {
        var b = CacheKey.Builder()
        b.add("trace", try traceKey(run))
        b.add("bins", try Self.json(FaithfulnessBins()))
        b.add("seed", String(run.seed))
        b.add("version", StageVersion.faithfulnessExamples)
        return b.build()
    }

    /// The summary adds the statistics settings, so a change to them (or to the summary) re-uses the evaluations.
    func faithfulnessKey(_ run: CorpusRun) throws -> CacheKey {
        var b = CacheKey.Builder()
        b.add("examples", try faithfulnessExamplesKey(run))
        b.add("bootstrap", String(configuration.validation.bootstrapResamples))
        b.add("version", StageVersion.faithfulness)
        return b.build()
    }

    /// The statistics across seeds and the agreement depend on every seed's validation (and through it its traces
    /// and model).
    func seedsKey(_ corpus: CorpusSettings) throws -> CacheKey {
        var b = CacheKey.Builder()
        for run in runs(of: corpus) {
            b.add(run.stem, try validationKey(run))
            if CorpusModels.make(run).isJudgedForFaithfulness {
                b.add("\(run.stem).faithfulness", try faithfulnessExamplesKey(run))
            }
        }
        b.add("seed", String(configuration.seed))
        b.add("version", StageVersion.seeds)
        return b.build()
    }

    /// The control re-traces the run's model (its trace key covers model, split and IG steps) and validates.
    func controlKey(_ run: CorpusRun) throws -> CacheKey {
        var b = CacheKey.Builder()
        b.add("trace", try traceKey(run))
        b.add("examples", String(run.corpus.randomisationExamples))
        if !configuration.validation.lexicons.isEmpty { b.add("lexicons", try userLexiconsKey()) }
        b.add("validation", try Self.json(configuration.validation))
        b.add("version", StageVersion.controls)
        return b.build()
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    // MARK: Artifact locations

    func modelFolder(_ run: CorpusRun) throws -> URL {
        cacheFolder.appendingPathComponent("models/\(run.stem)-\(try modelKey(run).hex.prefix(16))")
    }

    func traceFile(_ run: CorpusRun) throws -> URL {
        cacheFolder.appendingPathComponent("traces/\(run.stem)-\(try traceKey(run).hex.prefix(16)).jsonl")
    }

    func validationFile(_ run: CorpusRun) throws -> URL {
        cacheFolder.appendingPathComponent("validation/\(run.stem)-\(try validationKey(run).hex.prefix(16)).json")
    }

    func faithfulnessFile(_ run: CorpusRun) throws -> URL {
        cacheFolder.appendingPathComponent("faithfulness/\(run.stem)-\(try faithfulnessKey(run).hex.prefix(16)).json")
    }

    func faithfulnessExamplesFile(_ run: CorpusRun) throws -> URL {
        cacheFolder.appendingPathComponent(
            "faithfulness/\(run.stem)-examples-\(try faithfulnessExamplesKey(run).hex.prefix(16)).json")
    }

    func controlFile(_ run: CorpusRun) throws -> URL {
        cacheFolder.appendingPathComponent("controls/\(run.stem)-\(try controlKey(run).hex.prefix(16)).json")
    }

    func seedsFile(_ corpus: CorpusSettings) throws -> URL {
        cacheFolder.appendingPathComponent("seeds/\(corpus.id)-\(try seedsKey(corpus).hex.prefix(16)).json")
    }

    // MARK: Step keys

    /// The key of a step whose artifacts are one file per run: the runs' keys combined, or nil (run the step)
    /// when any artifact is missing.
    func artifactsKey(file: (CorpusRun) throws -> URL, key: (CorpusRun) throws -> CacheKey,
                      runs: [CorpusRun]) throws -> CacheKey? {
        var b = CacheKey.Builder()
        for run in runs {
            guard FileManager.default.fileExists(atPath: try file(run).path) else { return nil }
            b.add(run.keyLabel, try key(run))
        }
        return b.build()
    }

    /// The model of every run (corpus × seed), in configuration order: the one place the kind of model is chosen
    /// (`CorpusModels`).
    var corpusModels: [any CorpusModel] { configuration.runs.map(CorpusModels.make) }

    /// Every run of one corpus, in seed order.
    func runs(of corpus: CorpusSettings) -> [CorpusRun] { configuration.runs.filter { $0.corpus.id == corpus.id } }

    /// The model of each corpus's first seed: the runs the pages are drawn from.
    var primaryModels: [any CorpusModel] { corpusModels.filter(\.run.isPrimary) }

    /// Whether `step` must redo an artifact that already exists (`--force step` or `--force all`).
    func isForced(_ step: String) -> Bool { forced.contains(step) || forced.contains("all") }

    // MARK: Lazy loading

    mutating func dataset(_ corpus: CorpusSettings) throws -> TaskDataset {
        let key = corpus.task.isUserCorpus ? "corpus:\(corpus.id)" : "\(corpus.task.rawValue)/\(corpus.training.phrases)"
        if let cached = datasets[key] { return cached }
        let dataset = try TaskDataset.load(corpus, from: store)
        datasets[key] = dataset
        return dataset
    }

    mutating func loadLexicons() throws -> [Lexicon] {
        if lexicons.isEmpty {
            lexicons = try LexiconKind.validated.map(store.loadLexicon)
                + configuration.validation.lexicons.map(store.loadUserLexicon)
        }
        return lexicons
    }

    /// A corpus's Transformer trained here, from memory or the checkpoint in `folder` (which must have been
    /// trained for the corpus's task: `atlas trace --model` takes any folder).
    mutating func model(_ run: CorpusRun, from folder: URL) throws -> TrainedModel {
        if let cached = models[run.stem] { return cached }
        let model = try ModelCheckpoint.load(from: folder)
        try ModelCheckpoint.checkCompatible(model, corpus: run.corpus, folder: folder)
        models[run.stem] = model
        return model
    }

    mutating func records(_ run: CorpusRun) throws -> [TraceRecord] {
        if let cached = traces[run.stem] { return cached }
        let url = try traceFile(run)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AtlasError(source: url.path, message: "trace file missing", hint: "run `atlas build --force trace`")
        }
        let records = try TraceRecord.records(fromJSONLines: String(decoding: data, as: UTF8.self), source: url.path)
        traces[run.stem] = records
        return records
    }

    mutating func report(_ run: CorpusRun) throws -> ValidationReport {
        try memoised(\.reports, run.stem, file: try validationFile(run), what: "validation report", step: "validate")
    }

    mutating func faithfulnessSummary(_ run: CorpusRun) throws -> FaithfulnessSummary {
        try memoised(\.faithfulness, run.stem, file: try faithfulnessFile(run), what: "faithfulness summary",
                     step: "faithfulness")
    }

    /// A corpus's randomisation control (its first seed's), nil when its model has none.
    mutating func control(_ run: CorpusRun) throws -> RandomisationControl? {
        guard CorpusModels.make(run).hasRandomisationControl else { return nil }
        return try memoised(\.controls, run.corpus.id, file: try controlFile(run), what: "randomisation control",
                            step: "controls")
    }

    /// A corpus's statistics across seeds and its methods' agreement.
    mutating func seedSummary(_ corpus: CorpusSettings) throws -> SeedSummary {
        try memoised(\.seedSummaries, corpus.id, file: try seedsFile(corpus), what: "statistics across seeds", step: "seeds")
    }

    /// The artifact kept in memory under `key`, or decoded from `file` once and kept.
    private mutating func memoised<T: Decodable>(_ store: WritableKeyPath<BuildContext, [String: T]>, _ key: String,
                                                 file: URL, what: String, step: String) throws -> T {
        if let cached = self[keyPath: store][key] { return cached }
        let value = try Self.decodeArtifact(T.self, at: file, what: what, step: step)
        self[keyPath: store][key] = value
        return value
    }

    /// A cached JSON artifact, or an error naming the step that writes it.
    static func decodeArtifact<T: Decodable>(_ type: T.Type, at url: URL, what: String, step: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AtlasError(source: url.path, message: "\(what) missing", hint: "run `atlas build --force \(step)`")
        }
        return try JSONDecoder().decode(T.self, from: data)
    }
}

extension BuildContext {
    /// The context of a command that runs one model outside a build (`atlas train`, `atlas trace`): the same
    /// conformers, data and threads, with the checkpoint folder given by the user. No step runs on it, so the
    /// cache, site and templates folders are never read.
    init(command configuration: SiteConfiguration, store: CorpusStore, threads: Int, output: TerminalOutput) {
        let unused = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        self.init(configuration: configuration, configurationSource: "the command line", store: store,
                  cacheFolder: unused, outputFolder: unused, templatesFolder: unused, threads: threads, forced: [],
                  output: output)
    }
}
