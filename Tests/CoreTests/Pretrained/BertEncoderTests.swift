// BertEncoderTests: input-embedding gradients by finite differences, padding invariance and the attention it keeps.
import Testing
@testable import Core

@Suite struct BertEncoderTests {
    static let configuration = BertConfiguration(hiddenSize: 8, layers: 2, heads: 2, intermediateSize: 12,
                                                 maxPositions: 6, typeVocabularySize: 2, vocabularySize: 15)

    static func makeEncoder(threads: Int = 1) -> BertEncoder {
        var encoder = try! BertEncoder(configuration: configuration, seed: 21)
        encoder.threads = threads
        return encoder
    }

    @Test(arguments: [1, 2])
    func inputGradientMatchesFiniteDifferences(threads: Int) {
        var encoder = Self.makeEncoder(threads: threads)
        let lengths = [5, 3], t = 5, d = Self.configuration.hiddenSize
        let types: [Int32] = [0, 0, 1, 1, 1, 0, 1, 0, 0, 0]
        let real = (0..<(2 * t)).map { $0 % t < lengths[$0 / t] }
        let input = randomValues(2 * t * d, seed: 5)
        func forward(_: [Float], _ x: [Float]) -> [Float] {
            let out = encoder.forward(embeddings: Tensor(shape: [2, t, d], scalars: x), lengths: lengths, tokenTypes: types)
            return out.lastHidden.scalars.enumerated().map { real[$0 / d] ? $1 : 0 }
        }
        GradientCheck(samples: 60).check(label: "BertEncoder", parameters: [], input: input, forward: forward) { _, x, dy in
            _ = encoder.forward(embeddings: Tensor(shape: [2, t, d], scalars: x), lengths: lengths, tokenTypes: types)
            let masked = dy.enumerated().map { real[$0 / d] ? $1 : 0 }
            return ([], encoder.backward(Tensor(shape: [2, t, d], scalars: masked)).scalars)
        }
    }

    @Test func paddingChangesNothingForRealTokens() {
        var encoder = Self.makeEncoder()
        let short: [Int32] = [3, 7, 9], long: [Int32] = [2, 4, 6, 8, 10]
        let alone = encoder.forward(TokenBatch(padding: [short]))
        let padded = encoder.forward(TokenBatch(padding: [short, long]))
        let d = Self.configuration.hiddenSize
        for i in 0..<(3 * d) {
            #expect(abs(alone.lastHidden.scalars[i] - padded.lastHidden.scalars[i]) < 1e-5, "hidden[\(i)]")
        }
        let contexts = Tensor(shape: [2, 5], scalars: [0.2, 0.3, 0.5, 0, 0, 0.2, 0.2, 0.2, 0.2, 0.2])
        let maps = padded.attentionMaps(contexts: contexts)
        let aloneMaps = alone.attentionMaps(contexts: Tensor(shape: [1, 3], scalars: [0.2, 0.3, 0.5]))
        #expect(maps[0].tokens == 3 && maps[1].tokens == 5 && maps[0].layers == 2 && maps[0].heads == 2)
        for (a, b) in zip(maps[0].probabilities, aloneMaps[0].probabilities) { #expect(abs(a - b) < 1e-6) }
        for row in stride(from: 0, to: maps[1].probabilities.count, by: 5) {
            #expect(abs(maps[1].probabilities[row..<(row + 5)].reduce(0, +) - 1) < 1e-5, "rows are stochastic")
        }
    }

    @Test func tokenTypesAndPositionsMatter() {
        var encoder = Self.makeEncoder()
        let batch = TokenBatch(padding: [[3, 3, 3]])
        let plain = encoder.forward(batch).lastHidden
        let typed = encoder.forward(batch, tokenTypes: [0, 1, 0]).lastHidden
        let d = Self.configuration.hiddenSize
        #expect(plain.scalars[0..<d] != plain.scalars[d..<(2 * d)], "same word at two positions differs")
        #expect(plain != typed)
    }

    @Test func copiesRunIndependently() {
        var a = Self.makeEncoder()
        var b = a
        let first = a.forward(TokenBatch(padding: [[1, 2, 3]])).lastHidden
        _ = b.forward(TokenBatch(padding: [[4, 5], [6, 7]]))
        let dA = a.backward(Tensor(shape: [1, 3, 8], scalars: randomValues(24, seed: 1)))
        #expect(dA.shape == [1, 3, 8])
        #expect(a.forward(TokenBatch(padding: [[1, 2, 3]])).lastHidden == first)
    }
}
