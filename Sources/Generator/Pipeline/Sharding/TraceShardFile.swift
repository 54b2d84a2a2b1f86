// TraceShardFile: a shard of a run's trace — its inputs' records, with their positions — and the whole trace put back together.
import Core
import Foundation

/// A header line, then the records of the shard's inputs as the trace file writes them. The header names the
/// shard, the number of inputs of the whole trace and, for each input of the shard, its position and its number of
/// records (one per sentence, one per traced window of a narrative). The merge moves record lines; it never
/// decodes and re-encodes them, so the whole trace is the unsharded trace's bytes.
enum TraceShardFile {
    struct Header: Codable, Equatable {
        var shard: Shard
        var total: Int
        /// [position, records] per input of the shard, in order.
        var inputs: [[Int]]
    }

    static func write(_ traced: ShardTrace, to url: URL) throws {
        let header = Header(shard: traced.shard, total: traced.total, inputs: traced.inputs.map { [$0.input, $0.records.count] })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(header), as: UTF8.self) + "\n"
            + (try TraceRecord.jsonLines(traced.inputs.flatMap(\.records)))
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    /// The shard's records with their inputs' positions.
    static func read(_ url: URL) throws -> (header: Header, inputs: [TracedInput]) {
        let (header, lines) = try lines(url)
        var inputs: [TracedInput] = [], next = lines.startIndex
        for entry in header.inputs {
            var records: [TraceRecord] = []
            for line in lines[next..<(next + entry[1])] {
                records.append(try TraceRecord(jsonLine: String(line)))
            }
            inputs.append(TracedInput(input: entry[0], records: records))
            next += entry[1]
        }
        return (header, inputs)
    }

    /// The whole trace's JSON Lines from a complete set of shards: every input exactly once, in input order.
    static func merge(_ files: [URL]) throws -> String {
        var byInput: [Int: ArraySlice<Substring>] = [:], total: Int?
        for url in files {
            let (header, lines) = try lines(url)
            if let total, total != header.total {
                throw AtlasError(source: url.path, message: "shard \(header.shard) traces \(header.total) inputs, "
                                 + "another shard \(total)", hint: "the shards come from different data; run them again")
            }
            total = header.total
            var next = lines.startIndex
            for entry in header.inputs {
                guard byInput[entry[0]] == nil else {
                    throw AtlasError(source: url.path, message: "input \(entry[0]) is in two shards",
                                     hint: "the shards were dealt differently; run them again")
                }
                byInput[entry[0]] = lines[next..<(next + entry[1])]
                next += entry[1]
            }
        }
        let count = total ?? 0
        if let missing = (0..<count).first(where: { byInput[$0] == nil }) {
            throw AtlasError(source: files[0].path, message: "input \(missing) of \(count) is in no shard",
                             hint: "the shards were dealt differently; run them again")
        }
        return (0..<count).flatMap { byInput[$0]! }.map { $0 + "\n" }.joined()
    }

    /// The header and the record lines, checked against each other.
    private static func lines(_ url: URL) throws -> (Header, ArraySlice<Substring>) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AtlasError(source: url.path, message: "trace shard missing", hint: "run the shard again")
        }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first,
              let header = try? JSONDecoder().decode(Header.self, from: Data(first.utf8)) else {
            throw AtlasError(source: url.path, line: 1, message: "not a trace shard (no header line)",
                             hint: "delete it and run the shard again")
        }
        let records = lines.dropFirst()
        guard header.inputs.allSatisfy({ $0.count == 2 && $0[1] >= 0 }),
              header.inputs.reduce(0, { $0 + $1[1] }) == records.count else {
            throw AtlasError(source: url.path, line: 1, message: "the header counts \(header.inputs.reduce(0) { $0 + ($1.last ?? 0) }) "
                             + "records, the file holds \(records.count)", hint: "delete it and run the shard again")
        }
        return (header, records)
    }
}
