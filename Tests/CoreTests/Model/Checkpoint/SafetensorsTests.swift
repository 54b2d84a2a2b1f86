// SafetensorsTests: round trip, byte layout, a fixture written by Python's safetensors, and each refusal.
import Foundation
import Testing
@testable import Core

@Suite struct SafetensorsTests {
    static let tensors: [(name: String, tensor: Tensor)] = [
        ("b.weight", Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, -6.5])),
        ("a.bias", Tensor(shape: [2], scalars: [0.25, -1e-3])),
        ("scalar", Tensor(shape: [], scalars: [42])),
    ]

    @Test func roundTripKeepsNamesShapesValuesOrderAndMetadata() throws {
        let bytes = Safetensors.encode(Self.tensors, metadata: ["format": "pt", "task": "sst5 \"quoted\""])
        let decoded = try Safetensors.decode(bytes, source: "m.safetensors")
        #expect(decoded.tensors.map(\.name) == ["b.weight", "a.bias", "scalar"])
        for (a, b) in zip(decoded.tensors, Self.tensors) { #expect(a.tensor == b.tensor) }
        #expect(decoded.metadata == ["format": "pt", "task": "sst5 \"quoted\""])
    }

    @Test func headerIsPaddedAndLittleEndian() throws {
        let bytes = Safetensors.encode([("x", Tensor(shape: [1], scalars: [1]))])
        let headerLength = (0..<8).reduce(0) { $0 | Int(bytes[$1]) << (8 * $1) }
        #expect((8 + headerLength) % 8 == 0, "data starts 8-byte aligned")
        let header = String(decoding: bytes[8..<8 + headerLength], as: UTF8.self)
        #expect(header.hasPrefix(#"{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#))
        #expect(Array(bytes.suffix(4)) == [0x00, 0x00, 0x80, 0x3F], "1.0 as little-endian IEEE 754")
    }

    /// Tests/CoreTests/Fixtures/safetensors/python.safetensors was written by make_fixture.py (beside it)
    /// with Python's `safetensors` package; it must decode to exactly the tensors the script wrote.
    @Test func readsAFileWrittenByPython() throws {
        let url = try #require(Bundle.module.url(forResource: "python", withExtension: "safetensors",
                                                 subdirectory: "Fixtures/safetensors"))
        let decoded = try Safetensors.decode(Array(try Data(contentsOf: url)), source: url.lastPathComponent)
        let byName = Dictionary(uniqueKeysWithValues: decoded.tensors.map { ($0.name, $0.tensor) })
        #expect(byName["embedding.weight"] == Tensor(shape: [3, 2], scalars: [0, 0, 1, 2, 3, 4]))
        #expect(byName["classifier.output.bias"] == Tensor(shape: [2], scalars: [0.5, -0.25]))
        #expect(decoded.metadata["format"] == "pt")
        // Our encoder writes the very same bytes for the same tensors in the same order: Python reads ours.
        #expect(Safetensors.encode(decoded.tensors, metadata: decoded.metadata) == Array(try Data(contentsOf: url)))
    }

    static func bytes(header: String, data: [UInt8]) -> [UInt8] {
        var h = Array(header.utf8)
        while (8 + h.count) % 8 != 0 { h.append(32) }
        return (0..<8).map { UInt8((h.count >> (8 * $0)) & 0xFF) } + h + data
    }

    /// Hugging Face checkpoints carry integer buffers such as BERT's I64 `embeddings.position_ids`: they are
    /// checked for size and tiling, reported by name, and left out of the float tensors.
    @Test func integerTensorsAreSkippedByName() throws {
        let header = #"{"embeddings.position_ids":{"dtype":"I64","shape":[1,2],"data_offsets":[0,16]},"#
            + #""w":{"dtype":"F32","shape":[1],"data_offsets":[16,20]}}"#
        let data: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0] + [0, 0, 0x80, 0x3F]
        let contents = try Safetensors.decode(Self.bytes(header: header, data: data), source: "hf.safetensors")
        #expect(contents.tensors.map(\.name) == ["w"])
        #expect(contents.tensors[0].tensor.scalars == [1])
        #expect(contents.skippedIntegerTensors == ["embeddings.position_ids": "I64"])
        // An I64 tensor whose offsets span F32-sized bytes is refused like any other.
        let short = #"{"p":{"dtype":"I64","shape":[2],"data_offsets":[0,8]}}"#
        #expect(throws: AtlasError.self) {
            _ = try Safetensors.decode(Self.bytes(header: short, data: [UInt8](repeating: 0, count: 8)), source: "hf.safetensors")
        }
    }

    @Test(arguments: [
        ("truncated header length", [UInt8](repeating: 0, count: 5), "truncated"),
        ("header longer than file", [16, 0, 0, 0, 0, 0, 0, 0, 123], "truncated"),
        ("not JSON", bytes(header: "nope", data: []), "not a JSON object"),
        ("unknown dtype", bytes(header: #"{"x":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]), "dtype F16"),
        ("data cut short", bytes(header: #"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, data: [0, 0, 0, 0]), "truncated"),
        ("offsets disagree with shape", bytes(header: #"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]), "needs 8"),
        ("reversed offsets", bytes(header: #"{"x":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}}"#, data: [0, 0, 0, 0]), "invalid data_offsets"),
        ("overlap", bytes(header: #"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"y":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#,
                         data: [UInt8](repeating: 0, count: 8)), "overlaps"),
        ("hole", bytes(header: #"{"x":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: [UInt8](repeating: 0, count: 8)), "belong to no tensor"),
        ("trailing bytes", bytes(header: #"{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: [UInt8](repeating: 0, count: 8)), "belong to no tensor"),
    ])
    func refusesBadFiles(label: String, bytes: [UInt8], phrase: String) {
        do {
            _ = try Safetensors.decode(bytes, source: "bad.safetensors")
            Issue.record("\(label): decoded without error")
        } catch let error as AtlasError {
            #expect(error.source == "bad.safetensors")
            #expect(error.message.contains(phrase), "\(label): \(error.message)")
        } catch {
            Issue.record("\(label): unexpected \(error)")
        }
    }

    @Test func modelSavesAndLoadsAndRefusesForeignTensors() throws {
        let configuration = SentimentTransformerTests.tiny()
        let a = try SentimentTransformer(configuration: configuration, seed: 1)
        var b = try SentimentTransformer(configuration: configuration, seed: 2)
        let bytes = Safetensors.encode(a.parameters)
        try b.load(try Safetensors.decode(bytes, source: "a.safetensors").tensors, source: "a.safetensors")
        #expect(b.parameterValues == a.parameterValues)

        var tensors = a.parameters
        func expectError(_ tensors: [(name: String, tensor: Tensor)], _ phrase: String) {
            var c = try! SentimentTransformer(configuration: configuration, seed: 3)
            let before = c.parameterValues
            do {
                try c.load(tensors, source: "x.safetensors")
                Issue.record("loaded without error, expected \(phrase)")
            } catch let error as AtlasError {
                #expect(error.message.contains(phrase), "\(error.message)")
                #expect(c.parameterValues == before, "a refused load changes nothing")
            } catch { Issue.record("unexpected \(error)") }
        }
        expectError(tensors + [("extra.weight", Tensor(zeros: [1]))], "unknown tensor \"extra.weight\"")
        expectError(Array(tensors.dropLast()), "tensor \"classifier.output.bias\" is missing")
        tensors[0].tensor = Tensor(zeros: [2, 2])
        expectError(tensors, "tensor \"embedding.weight\" has shape [2, 2], the model expects [7, 8]")
    }
}
