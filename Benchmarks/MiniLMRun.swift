// MiniLMRun: `atlas-bench --minilm DIR [--sst SSTDIR]` times all-MiniLM-L6-v2 inference (the frozen encoder of the
// `load:` path) on real SST-5 test sentences, and writes their word-piece ids for the PyTorch reference
// (Tests/scripts/minilm_reference.py speed DIR ids.json), so both run the same encoder on the same inputs.
import Core
import Foundation

func runMiniLM(folder: String, sstDirectory: String, threads: [Int], runs: Int, idsOutput: String) throws {
    func read(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)) }
    let configuration = try BertConfiguration.decode(try read("config.json"), source: folder + "/config.json")
    let tokenizer = try WordPieceTokenizer(tokenizerJSON: try read("tokenizer.json"), source: folder + "/tokenizer.json")
    let checkpoint = try Safetensors.decode([UInt8](try read("model.safetensors")), source: folder + "/model.safetensors")
    var encoder = try BertEncoder(configuration: configuration, checkpoint: checkpoint, source: folder)
    let sentences = try readSST(sstDirectory + "/test.txt").map { tokenizer.encode(words: $0.words, maxLength: 128).ids }
    let json = "[" + sentences.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",\n") + "]\n"
    try json.write(toFile: idsOutput, atomically: true, encoding: .utf8)
    let pieces = sentences.reduce(0) { $0 + $1.count }
    print("atlas-bench: all-MiniLM-L6-v2, \(encoder.parameterCount) parameters; \(sentences.count) SST-5 test sentences, "
          + String(format: "%.1f", Double(pieces) / Double(sentences.count)) + " word pieces on average; ids in \(idsOutput)")
    let sorted = sentences.sorted { $0.count < $1.count }
    print("| workload | threads | median |")
    print("|---|---|---|")
    for t in threads {
        setBLASThreads(t)
        encoder.threads = t
        for batchSize in [1, 32] {
            func pass() {
                for start in stride(from: 0, to: sorted.count, by: batchSize) {
                    _ = encoder.forward(TokenBatch(padding: Array(sorted[start..<min(sorted.count, start + batchSize)])))
                }
            }
            var rates: [Double] = []
            for _ in 0..<max(1, runs) {
                let start = now()
                pass()
                rates.append(Double(sorted.count) / (now() - start))
            }
            print("| MiniLM encoder inference (batch \(batchSize), length-sorted), sentences/s | \(t) | \(format(median(rates))) |")
        }
    }
}
