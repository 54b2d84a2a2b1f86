// ShardedBuildTests: the fixture build done as train shards, trace shards and a merge gives the unsharded build's
// bytes — every trace file and every page — with two shards writing the cache at once and one shard missing until
// it is re-run alone.
import Core
import Foundation
import Testing
@testable import Generator

@Suite(.serialized) struct ShardedBuildTests {
    /// `atlas build` as the command runs it: the whole build, a shard's share (`shard`, up to `until`) or the merge.
    static func build(in root: URL, store: CorpusStore, shard: Shard? = nil, until: String? = nil, merge: Bool = false,
                      threads: Int = 2, output: TerminalOutput = BuildPipelineTests.silent) async throws {
        let cache = root.appendingPathComponent("cache/build")
        var context = BuildContext(configuration: FixtureCorpora.configuration(), configurationSource: "the fixture",
                                   store: store, cacheFolder: cache, outputFolder: root.appendingPathComponent("site"),
                                   templatesFolder: SiteFixture.templates, threads: threads, forced: [], output: output)
        context.renderer = try await SiteFixture.renderer()
        try context.digestInputFiles()
        context.shard = shard
        context.mergesShards = merge
        try PipelineRunner(cacheFolder: cache, output: output)
            .run(BuildCommand.steps(sharded: shard != nil, until: until), context: &context)
    }

    static func traceFiles(_ root: URL) throws -> [String: Data] {
        try BuildPipelineTests.files(root.appendingPathComponent("cache/build/traces"))
    }

    @Test func shardsAndTheirMergeGiveTheUnshardedBuildByteForByte() async throws {
        let root = try DataTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try FixtureCorpora.write(to: root.appendingPathComponent("corpora"))
        let whole = root.appendingPathComponent("whole"), sharded = root.appendingPathComponent("sharded")
        try await Self.build(in: whole, store: store)

        // Training: one run a shard, as `atlas slurm`'s first array job does.
        let runs = FixtureCorpora.configuration().runs.count
        #expect(runs == 6, "three corpora × two seeds")
        for k in 0..<runs { try await Self.build(in: sharded, store: store, shard: Shard(index: k, count: runs), until: "train", threads: 1) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: sharded.appendingPathComponent("cache/build/models").path).count == runs)

        // Tracing: shards 0 and 2 of 3 at once, into the same cache; shard 1 "killed" (never finished).
        async let first: Void = Self.build(in: sharded, store: store, shard: Shard(index: 0, count: 3), threads: 1)
        async let third: Void = Self.build(in: sharded, store: store, shard: Shard(index: 2, count: 3), threads: 1)
        _ = try await (first, third)
        let traces = sharded.appendingPathComponent("cache/build/traces")
        let shardFiles = try FileManager.default.contentsOfDirectory(atPath: traces.path).sorted()
        #expect(shardFiles.count == 2 * runs && shardFiles.allSatisfy { $0.contains(".shard-0-of-3.") || $0.contains(".shard-2-of-3.") })

        // The merge names what is missing and publishes nothing.
        var failure = ""
        do { try await Self.build(in: sharded, store: store, merge: true) } catch { failure = "\(error)" }
        #expect(failure.contains("[trace]") && failure.contains("shard 1/3 of 3 missing (2 of 3 in the cache)"), "\(failure)")
        #expect(failure.contains("atlas build --shard 1/3"))
        #expect(!FileManager.default.fileExists(atPath: sharded.appendingPathComponent("site").path))

        // The missing shard alone; a re-run of a finished shard does nothing new.
        try await Self.build(in: sharded, store: store, shard: Shard(index: 1, count: 3))
        let lines = PipelineRunnerTests.Lines()
        try await Self.build(in: sharded, store: store, shard: Shard(index: 0, count: 3), output: lines.output())
        #expect(lines.all.contains("sst5 seed 0: trace shard 0/3 cached") && lines.all.contains("faithfulness shard 0/3 cached"))
        #expect(!lines.all.contains("inputs in"))

        let merged = PipelineRunnerTests.Lines()
        try await Self.build(in: sharded, store: store, merge: true, output: merged.output())
        #expect(merged.all.contains("records put together from 3 shards") && merged.all.contains("(from 3 shards), summarised"))
        let wholeTraces = try Self.traceFiles(whole), shardedTraces = try Self.traceFiles(sharded)
        #expect(shardedTraces.keys.sorted() == wholeTraces.keys.sorted(), "the shard files are gone, the trace files there")
        #expect(wholeTraces.keys.filter { wholeTraces[$0] != shardedTraces[$0] }.sorted() == [])
        let wholeSite = try BuildPipelineTests.files(whole.appendingPathComponent("site"))
        let shardedSite = try BuildPipelineTests.files(sharded.appendingPathComponent("site"))
        #expect(shardedSite.keys.sorted() == wholeSite.keys.sorted())
        #expect(wholeSite.keys.filter { wholeSite[$0] != shardedSite[$0] }.sorted() == [])
    }

    @Test func aTraceShardNeedsEveryModelTrained() async throws {
        let root = try DataTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try FixtureCorpora.write(to: root.appendingPathComponent("corpora"))
        try await Self.build(in: root, store: store, shard: Shard(index: 0, count: 6), until: "train", threads: 1)
        var failure = ""
        do {
            try await Self.build(in: root, store: store, shard: Shard(index: 0, count: 6), threads: 1)
        } catch { failure = "\(error)" }
        #expect(failure.contains("[shard]") && failure.contains("seed 1 is not trained; shard 0/6 traces every run"), "\(failure)")
        #expect(failure.contains("--until train"))
    }
}

@Suite struct ShardTests {
    @Test func parsesIOfNAndDealsRoundRobin() {
        #expect(Shard("2/3") == Shard(index: 2, count: 3))
        for bad in ["3/3", "-1/3", "0/0", "1", "a/b", "1/2/3", ""] { #expect(Shard(bad) == nil, "\(bad)") }
        // Seven items over three shards: 0 3 6 | 1 4 | 2 5 — every item once.
        let shards = (0..<3).map { Shard(index: $0, count: 3).positions(of: Array(0..<7)) }
        #expect(shards == [[0, 3, 6], [1, 4], [2, 5]])
        #expect(Shard.whole.positions(of: Array(0..<4)) == [0, 1, 2, 3])
    }

    @Test func shardFilesAreNamedBesideTheirArtifactAndFoundOnlyWhenComplete() throws {
        let folder = try DataTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let artifact = folder.appendingPathComponent("sst5-seed0-0123abcd.jsonl")
        #expect(ShardFiles.file(artifact, shard: Shard(index: 1, count: 4)).lastPathComponent == "sst5-seed0-0123abcd.shard-1-of-4.jsonl")
        #expect(try ShardFiles.completeSet(artifact, what: "trace") == nil)
        for i in [0, 2] { try Data().write(to: ShardFiles.file(artifact, shard: Shard(index: i, count: 3))) }
        // A look-alike of another artifact, and a name that is not a shard, are not counted.
        try Data().write(to: folder.appendingPathComponent("sst5-seed0-0123abcdef.shard-1-of-3.jsonl"))
        try Data().write(to: folder.appendingPathComponent("sst5-seed0-0123abcd.shard-1-of-3.jsonl.tmp"))
        #expect(throws: AtlasError.self) { try ShardFiles.completeSet(artifact, what: "trace") }
        do { _ = try ShardFiles.completeSet(artifact, what: "trace of sst5 seed 0") } catch {
            #expect("\(error)".contains("trace of sst5 seed 0: shard 1/3 of 3 missing (2 of 3 in the cache)"))
        }
        try Data().write(to: ShardFiles.file(artifact, shard: Shard(index: 1, count: 3)))
        #expect(try ShardFiles.completeSet(artifact, what: "trace")?.map(\.lastPathComponent)
                == (0..<3).map { "sst5-seed0-0123abcd.shard-\($0)-of-3.jsonl" })
    }
}
