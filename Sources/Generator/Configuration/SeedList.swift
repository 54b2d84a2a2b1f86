// SeedList: `seeds:` — how many models of a corpus to train, or exactly which seeds.

/// `seeds: 3` trains the site's seed and the next two (0, 1, 2 for seed 0); `seeds: [0, 7, 9]` names them.
/// A seed sets the model's initialisation, batch order, dropout and word dropout, and the streams of the
/// statistics computed from it (bootstrap, random baseline).
enum SeedList: Codable, Equatable, Sendable {
    case count(Int)
    case list([UInt64])

    /// The seeds, in the order the site reports them; the first is the one whose traces the example pages show.
    func seeds(from base: UInt64) -> [UInt64] {
        switch self {
        case .count(let n): (0..<UInt64(n)).map { base &+ $0 }
        case .list(let seeds): seeds
        }
    }

    init(from decoder: Decoder) throws {
        let value = try decoder.singleValueContainer()
        if let n = try? value.decode(Int.self) {
            guard n >= 1 else {
                throw DecodingError.dataCorruptedError(in: value, debugDescription: "a count must be at least 1, got \(n)")
            }
            self = .count(n)
            return
        }
        guard let seeds = try? value.decode([UInt64].self) else {
            throw DecodingError.dataCorruptedError(
                in: value, debugDescription: "expected a count (seeds: 3) or a list of non-negative integers (seeds: [0, 1, 2])")
        }
        guard !seeds.isEmpty, Set(seeds).count == seeds.count else {
            throw DecodingError.dataCorruptedError(
                in: value, debugDescription: "the list must be non-empty and without repeats, got \(seeds)")
        }
        self = .list(seeds)
    }

    func encode(to encoder: Encoder) throws {
        var value = encoder.singleValueContainer()
        switch self {
        case .count(let n): try value.encode(n)
        case .list(let seeds): try value.encode(seeds)
        }
    }
}
