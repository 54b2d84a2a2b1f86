// SSTRun: `atlas-bench --sst DIR --seconds N` trains the default model on real SST-5 sentences for a
// time budget with the Trainer and prints real tokens/s and dev/test accuracy (a sanity check of the
// whole training path at full size; `atlas train` is the real command).
import Core
import Foundation

/// Sentences of a PTB-style SST file: the leaves' words (lower-cased) and the root label.
func readSST(_ path: String) throws -> [(words: [String], label: Int)] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return text.split(separator: "\n").map { line in
        var words: [String] = []
        var i = line.startIndex
        while let open = line[i...].firstIndex(of: "(") {
            let after = line.index(after: open)
            guard let close = line[after...].firstIndex(where: { $0 == "(" || $0 == ")" }) else { break }
            if line[close] == ")", let space = line[after..<close].firstIndex(of: " ") {
                words.append(line[line.index(after: space)..<close].lowercased())
            }
            i = close
        }
        return (words, Int(String(line[line.index(after: line.startIndex)]))!)
    }
}

func runSST(directory: String, seconds: Double, threads: Int) throws {
    let train = try readSST(directory + "/train.txt"), dev = try readSST(directory + "/dev.txt")
    let test = try readSST(directory + "/test.txt")
    var vocabulary: [String: Int32] = [:]
    for (words, _) in train { for w in words where vocabulary[w] == nil { vocabulary[w] = Int32(vocabulary.count + 2) } }
    func examples(_ data: [(words: [String], label: Int)]) -> [TrainingExample] {
        data.map { TrainingExample(ids: $0.words.map { vocabulary[$0] ?? 1 }, target: .classIndex($0.label)) }
    }
    var configuration = ModelConfiguration()
    configuration.vocabularySize = vocabulary.count + 2
    var model = try SentimentTransformer(configuration: configuration, seed: 0)
    var options = TrainingOptions()
    options.timeBudget = seconds
    options.epochs = 1000
    options.evaluateEvery = 200
    options.threads = threads
    options.embeddingLearningRateMultiplier = 10
    setBLASThreads(1)
    print("SST-5 sentences: \(train.count) train, vocabulary \(vocabulary.count + 2), budget \(Int(seconds)) s, \(threads) threads")
    let history = Trainer(options: options).train(&model, training: examples(train), development: examples(dev)) { p in
        if p.event == .evaluation, let d = p.development {
            print(String(format: "step %5d  epoch %d  loss %.3f  dev acc %.3f  %@  %.0f tok/s", p.step, p.epoch, p.loss,
                         d.accuracy ?? 0, p.isBest ? "best" : "    ", p.tokensPerSecond))
        }
    }
    let result = model.evaluate(examples(test))
    print(String(format: "done: %d steps, %.0f real tokens/s; best dev %.3f; test accuracy %.3f, macro-F1 %.3f",
                 history.steps, history.tokensPerSecond, history.bestDevelopment?.accuracy ?? 0,
                 result.accuracy ?? 0, result.macroF1 ?? 0))
}
