// CorpusRun: one trained model of one corpus — the unit of work of the train, trace, faithfulness and validate steps.

/// A corpus at one seed. Every per-model artifact (checkpoint, traces, faithfulness, validation report) belongs
/// to a run and is cached under the run's key, so adding a seed reuses the others and a run can be done on its
/// own (the unit a sharded build hands out, with a range of examples).
struct CorpusRun: Sendable {
    var corpus: CorpusSettings
    var seed: UInt64
    /// The corpus's first seed: the run whose traces the example and word pages show.
    var isPrimary: Bool

    /// How progress lines name it: "sst5 seed 1".
    var name: String { "\(corpus.id) seed \(seed)" }
    /// The key of the build's in-memory results and the stem of its cache files: "sst5-seed1".
    var stem: String { "\(corpus.id)-seed\(seed)" }
    /// Its name in the keys of whole steps: the corpus id for the first seed, so that a one-seed build keeps the
    /// step and site keys it had before seeds existed.
    var keyLabel: String { isPrimary ? corpus.id : stem }
}

extension SiteConfiguration {
    /// A corpus's seeds: its own `seeds:`, else the site's, counted from the site's `seed`.
    func seeds(of corpus: CorpusSettings) -> [UInt64] {
        (corpus.seeds ?? seeds).seeds(from: seed)
    }

    /// `atlas build --seeds N`: N seeds of every corpus, whatever the configuration says.
    mutating func overrideSeeds(count: Int) {
        seeds = .count(count)
        for i in corpora.indices { corpora[i].seeds = nil }
    }

    /// Every run of the build: corpus by corpus in configuration order, seed by seed within each.
    var runs: [CorpusRun] {
        corpora.flatMap { corpus in
            seeds(of: corpus).enumerated().map { CorpusRun(corpus: corpus, seed: $1, isPrimary: $0 == 0) }
        }
    }
}
