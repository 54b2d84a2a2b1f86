// ShardFiles: where the shard of a cached artifact is written, and which shards of it the cache holds.
import Core
import Foundation

/// A shard of an artifact lives beside it, under the artifact's name (which holds its key) with
/// `.shard-<i>-of-<N>` before the extension, so shards of different inputs never meet and a merge finds them by
/// name alone. Each shard file is written atomically by the one task that owns it: two shards writing at once
/// touch different files, and a task killed mid-way leaves no file, so a re-run redoes exactly that shard.
enum ShardFiles {
    /// `traces/sst5-seed1-0123.jsonl` → `traces/sst5-seed1-0123.shard-2-of-3.jsonl`.
    static func file(_ artifact: URL, shard: Shard) -> URL {
        let ext = artifact.pathExtension
        let stem = artifact.deletingPathExtension().lastPathComponent
        return artifact.deletingLastPathComponent()
            .appendingPathComponent("\(stem).shard-\(shard.index)-of-\(shard.count)" + (ext.isEmpty ? "" : ".\(ext)"))
    }

    /// The shard files of `artifact` in the cache, by shard.
    static func present(_ artifact: URL) -> [Shard: URL] {
        let folder = artifact.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        let stem = artifact.deletingPathExtension().lastPathComponent + ".shard-"
        var found: [Shard: URL] = [:]
        for name in names where name.hasPrefix(stem) {
            let parts = name.dropFirst(stem.count).split(separator: ".").first?.split(separator: "-") ?? []
            guard parts.count == 3, parts[1] == "of", let index = Int(parts[0]), let count = Int(parts[2]),
                  count >= 1, (0..<count).contains(index) else { continue }
            let shard = Shard(index: index, count: count)
            if name == file(artifact, shard: shard).lastPathComponent { found[shard] = folder.appendingPathComponent(name) }
        }
        return found
    }

    /// `--merge` found no shard of `artifact` at all.
    static func noShard(_ artifact: URL, what: String) -> AtlasError {
        AtlasError(source: artifact.path, message: "\(what): no shard in the cache",
                   hint: "run `atlas build --shard i/N` for every i with the same configuration and cache, then merge again")
    }

    /// The shard files to put `artifact` together from, in shard order: the complete set with the fewest shards
    /// when the cache holds one; nil when it holds no shard of it; an error naming every missing shard (and the
    /// command that makes it) when shards are there but not all of them.
    static func completeSet(_ artifact: URL, what: String) throws -> [URL]? {
        let found = present(artifact)
        guard !found.isEmpty else { return nil }
        let counts = Set(found.keys.map(\.count)).sorted()
        for count in counts {
            let files = (0..<count).compactMap { found[Shard(index: $0, count: count)] }
            if files.count == count { return files }
        }
        let count = counts.last!
        let missing = (0..<count).filter { found[Shard(index: $0, count: count)] == nil }.map { "\($0)/\(count)" }
        throw AtlasError(source: artifact.path,
                         message: "\(what): shard\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) of \(count) missing "
                             + "(\(count - missing.count) of \(count) in the cache)",
                         hint: "run `atlas build --shard \(missing[0])` (and the other missing shards) with the same "
                             + "configuration and cache, then merge again")
    }
}
