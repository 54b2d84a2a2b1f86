// DecompositionReferenceTests: the decomposition methods on the trained architecture and on a BERT block against
// the NumPy reference of Tests/scripts/decomposition_reference.py (Fixtures/decomposition/reference.json).
import Foundation
import Testing
@testable import Core

/// Tolerance: the reference runs in float64 on the same float32 weights; Swift runs in float32 through two layers
/// (D = 8, sums of ≤ 12 terms per product, layer norms with rstd ≤ ~3). Each stored value is a row-normalised
/// share in [0, 1] or a composed score of mass 1. Measured worst |Swift − NumPy| over both cases: norm 3.0e-7,
/// norm + residual 2.0e-7, GlobEnc 2.0e-7, norm-weighted LAT 2.6e-7, value zeroing 2.6e-6 (1 − cos of nearly
/// parallel vectors cancels), ALTI 5.1e-6 (a difference of two L1 norms of size ~8 cancels). 2e-5 is 4× the worst,
/// while a wrong definition (no residual in T, β inside g, LN₂ without centring) moves entries by ≥ 1e-3.
@Suite struct DecompositionReferenceTests {
    struct Case: Decodable {
        struct Named: Decodable { var shape: [Int]; var values: [Float] }
        var ffn: Int
        var eps: Float
        var embeddings: [Float]?
        var word_embeddings: [Float]?
        var alpha: [Float]
        var matrices: [String: [Double]]
        var normWeighted: [Double]
        var composed: [String: [[Double]]]
        var tensors: [String: Named]
    }
    struct Fixture: Decodable {
        var tokens, width, heads, headWidth, layers: Int
        var transformer: Case
        var bert: Case
    }

    static func fixture() throws -> Fixture {
        let url = try #require(Bundle.module.url(forResource: "reference", withExtension: "json",
                                                 subdirectory: "Fixtures/decomposition"))
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    static let all = Set(DecomposedEncoder.methods)

    static func tolerance(_ id: MethodID) -> Double { 2e-5 }

    func check(_ decomposed: DecomposedEncoder, against expected: Case) {
        for id in DecomposedEncoder.methods where id != .latNorm {
            expectClose(decomposed.matrices[id] ?? [], expected.matrices[id.rawValue] ?? [],
                        tolerance: Self.tolerance(id), "\(id.rawValue) matrices")
        }
        expectClose(decomposed.normWeightedHeads ?? [], expected.normWeighted, tolerance: 2e-5, "norm-weighted maps")
        let attributions = decomposed.attributions(context: expected.alpha)
        for id in DecomposedEncoder.methods {
            let layers = attributions[id]?.layers ?? []
            #expect(layers.count == 3, "\(id.rawValue): \(layers.count) traces")
            for (depth, trace) in layers.enumerated() {
                expectClose(trace, expected.composed[id.rawValue]?[depth] ?? [], tolerance: Self.tolerance(id),
                            "\(id.rawValue) depth \(depth)")
            }
            #expect(attributions[id]?.scores == layers.first)
        }
    }

    @Test func theTrainedArchitectureMatchesNumPy() throws {
        let f = try Self.fixture(), c = f.transformer
        let configuration = ModelConfiguration(
            vocabularySize: 7, modelWidth: f.width, layers: f.layers, heads: f.heads, keyWidth: f.headWidth,
            valueWidth: f.headWidth, feedForwardWidth: c.ffn, poolingHidden: 5, classifierHidden: 6, outputs: 3,
            dropout: 0, classifierDropout: 0, positional: .none, layerNormEpsilon: c.eps, maxLength: 8)
        var model = try SentimentTransformer(configuration: configuration, seed: 3)
        let replaced = model.parameters.map { entry in
            (name: entry.name, tensor: c.tensors[entry.name].map { Tensor(shape: $0.shape, scalars: $0.values) }
                ?? entry.tensor)
        }
        #expect(Set(c.tensors.keys).isSubset(of: Set(model.parameters.map(\.name))))
        try model.load(replaced, source: "reference.json")
        check(model.decomposition(embeddings: try #require(c.embeddings), methods: Self.all), against: c)
    }

    static func bertEncoder(_ f: Fixture, seed: UInt64) throws -> BertEncoder {
        let configuration = BertConfiguration(hiddenSize: f.width, layers: f.layers, heads: f.heads,
                                              intermediateSize: f.bert.ffn, maxPositions: 6, typeVocabularySize: 2,
                                              vocabularySize: 15, layerNormEpsilon: f.bert.eps)
        return try BertEncoder(configuration: configuration, seed: seed)
    }

    @Test func aBertBlockMatchesNumPy() throws {
        let f = try Self.fixture(), c = f.bert
        var encoder = try Self.bertEncoder(f, seed: 3)
        for (name, tensor) in c.tensors {
            let entry = try #require(encoder.layout.entry(named: name), "\(name) is not a BERT parameter")
            #expect(entry.count == tensor.values.count)
            tensor.values.withUnsafeBufferPointer { (encoder.parameters.pointer + entry.offset).update(from: $0.baseAddress!, count: entry.count) }
        }
        let e = try #require(c.word_embeddings)
        _ = encoder.forward(embeddings: Tensor(shape: [1, f.tokens, f.width], scalars: e), lengths: [f.tokens])
        check(encoder.decomposition(example: 0, methods: Self.all), against: c)
    }

    /// A padded batch gives every example the decomposition it has alone (padding rows and keys are ignored).
    @Test func paddingChangesNoDecomposition() throws {
        let f = try Self.fixture(), c = f.bert
        var encoder = try Self.bertEncoder(f, seed: 5)
        let e = try #require(c.word_embeddings)
        _ = encoder.forward(embeddings: Tensor(shape: [1, 3, f.width], scalars: Array(e.prefix(3 * f.width))),
                            lengths: [3])
        let alone = encoder.decomposition(example: 0, methods: Self.all)
        _ = encoder.forward(embeddings: Tensor(shape: [2, f.tokens, f.width], scalars: e + e), lengths: [f.tokens, 3])
        let padded = encoder.decomposition(example: 1, methods: Self.all)
        for id in DecomposedEncoder.methods where id != .latNorm {
            expectClose(padded.matrices[id] ?? [], (alone.matrices[id] ?? []).map(Double.init), tolerance: 1e-5,
                        "\(id.rawValue)")
        }
    }
}
