// SafetensorsTests: round trip, byte layout, a fixture written by Python's safetensors, F16/BF16 widening, integer
// tensors set aside, and each refusal.
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
        #expect(decoded.storedTypes == ["b.weight": .f32, "a.bias": .f32, "scalar": .f32])
        // Checkpoints on disk are re-encoded from decoded tensors: the bytes must come back identical.
        #expect(Safetensors.encode(decoded.tensors, metadata: decoded.metadata) == bytes)
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

    /// Safetensors bytes for (name, dtype, shape, raw little-endian data), the tensors laid out in the given order.
    static func file(_ tensors: [(String, String, [Int], [UInt8])]) -> [UInt8] {
        var offset = 0
        var entries: [String] = []
        for (name, dtype, shape, data) in tensors {
            entries.append("\"\(name)\":{\"dtype\":\"\(dtype)\",\"shape\":\(shape),\"data_offsets\":[\(offset),\(offset + data.count)]}")
            offset += data.count
        }
        return bytes(header: "{\(entries.joined(separator: ","))}", data: tensors.flatMap(\.3))
    }

    static func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
        values.flatMap { value in (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    }

    /// Published checkpoints store F16 or BF16 weights: they are widened to the very same value in F32.
    @Test func widensF16AndBF16ExactlyAndReportsStoredTypes() throws {
        // F16 = sign | 5-bit exponent (bias 15) | 10-bit mantissa:
        //   0x3C00 = 0 01111 0000000000 → +2⁰ × 1                 = 1
        //   0xC100 = 1 10000 0100000000 → −2¹ × (1 + 256/1024)    = −2.5
        //   0x3555 = 0 01101 0101010101 → +2⁻² × (1 + 341/1024)   = 0.333251953125
        //   0x7BFF = 0 11110 1111111111 → +2¹⁵ × (1 + 1023/1024)  = 65504, the largest finite F16
        //   0x0001 = 0 00000 0000000001 → subnormal: 1 × 2⁻²⁴      (F32 bits 0x33800000, a normal F32)
        //   0x8000 → −0, 0xFC00 → −∞, 0x7E00 → quiet NaN (F32 bits 0x7FC00000)
        // BF16 = the upper 16 bits of an F32 (sign | 8-bit exponent, bias 127 | 7-bit mantissa):
        //   0x3F80 = 0 01111111 0000000 → +2⁰ × 1                  = 1
        //   0xBE20 = 1 01111100 0100000 → −2⁻³ × (1 + 32/128)      = −0.15625
        //   0x4049 = 0 10000000 1001001 → +2¹ × (1 + 73/128)       = 3.140625
        //   0x7F80 → +∞
        let bytes = Self.file([
            ("a", "F32", [2], Self.littleEndian([Float(1.5).bitPattern, Float(-3).bitPattern])),
            ("b", "F16", [2, 4], Self.littleEndian([UInt16(0x3C00), 0xC100, 0x3555, 0x7BFF, 0x0001, 0x8000, 0xFC00, 0x7E00])),
            ("c", "BF16", [4], Self.littleEndian([UInt16(0x3F80), 0xBE20, 0x4049, 0x7F80])),
            ("embeddings.position_ids", "I64", [1, 2], Self.littleEndian([Int64(0), 1])),
        ])
        let decoded = try Safetensors.decode(bytes, source: "m.safetensors")
        #expect(decoded.tensors.map(\.name) == ["a", "b", "c"], "data order, integer tensors left out")
        let byName = Dictionary(uniqueKeysWithValues: decoded.tensors.map { ($0.name, $0.tensor) })
        #expect(byName["a"] == Tensor(shape: [2], scalars: [1.5, -3]))
        let f16 = try #require(byName["b"])
        #expect(f16.shape == [2, 4])
        #expect(f16.scalars.map(\.bitPattern) == [Float(1), -2.5, 0.333251953125, 65504, 0x1p-24, -0.0, -.infinity].map(\.bitPattern)
                + [0x7FC0_0000])
        #expect(byName["c"] == Tensor(shape: [4], scalars: [1, -0.15625, 3.140625, .infinity]))
        #expect(decoded.storedTypes == ["a": .f32, "b": .f16, "c": .bf16])
        #expect(decoded.integerTensors == ["embeddings.position_ids": .i64])
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
        #expect(contents.integerTensors == ["embeddings.position_ids": .i64])
        // Every integer width is sized by its own dtype and set aside the same way.
        let widths = Self.file([("i32", "I32", [2], [UInt8](repeating: 0, count: 8)), ("u32", "U32", [1], [1, 0, 0, 0]),
                                ("i16", "I16", [2], [0, 0, 1, 0]), ("u16", "U16", [1], [1, 0]), ("i8", "I8", [3], [0, 1, 2]),
                                ("u8", "U8", [1], [255]), ("mask", "BOOL", [2], [1, 0]), ("u64", "U64", [1], [UInt8](repeating: 0, count: 8))])
        let integers = try Safetensors.decode(widths, source: "hf.safetensors")
        #expect(integers.tensors.isEmpty)
        #expect(integers.integerTensors == ["i32": .i32, "u32": .u32, "i16": .i16, "u16": .u16, "i8": .i8, "u8": .u8,
                                            "mask": .bool, "u64": .u64])
        // An I64 tensor whose offsets span F32-sized bytes is refused like any other.
        let short = #"{"p":{"dtype":"I64","shape":[2],"data_offsets":[0,8]}}"#
        #expect(throws: AtlasError.self) {
            _ = try Safetensors.decode(Self.bytes(header: short, data: [UInt8](repeating: 0, count: 8)), source: "hf.safetensors")
        }
    }

    /// F64, FP8 and any later dtype are refused whole: the error names the file, the tensor and the dtype.
    @Test func refusesOtherDTypesNamingFileTensorAndDType() {
        let bytes = Self.file([("w", "F32", [1], [0, 0, 0, 0]), ("encoder.scale", "F64", [1], [UInt8](repeating: 0, count: 8))])
        #expect(throws: AtlasError(source: "m.safetensors",
                                   message: #"tensor "encoder.scale" has dtype F64; only F32, F16, BF16 and integer tensors can be read"#,
                                   hint: "convert the weights to float32 (or float16/bfloat16) first")) {
            try Safetensors.decode(bytes, source: "m.safetensors")
        }
    }

    @Test(arguments: [
        ("truncated header length", [UInt8](repeating: 0, count: 5), "truncated"),
        ("header longer than file", [16, 0, 0, 0, 0, 0, 0, 0, 123], "truncated"),
        ("not JSON", bytes(header: "nope", data: []), "not a JSON object"),
        ("F64", bytes(header: #"{"x":{"dtype":"F64","shape":[1],"data_offsets":[0,8]}}"#, data: [UInt8](repeating: 0, count: 8)),
         #"tensor "x" has dtype F64"#),
        ("FP8", bytes(header: #"{"x":{"dtype":"F8_E4M3","shape":[1],"data_offsets":[0,1]}}"#, data: [0]), #"tensor "x" has dtype F8_E4M3"#),
        ("no dtype", bytes(header: #"{"x":{"shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]), "has no dtype"),
        ("fractional shape", bytes(header: #"{"x":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]), "no valid shape"),
        ("shape overflows", bytes(header: #"{"x":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]),
         "too large"),
        ("data cut short", bytes(header: #"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, data: [0, 0, 0, 0]), "truncated"),
        ("F16 data cut short", bytes(header: #"{"x":{"dtype":"F16","shape":[3],"data_offsets":[0,6]}}"#, data: [0, 0, 0, 0]), "truncated"),
        ("F16 sized as F32", bytes(header: #"{"x":{"dtype":"F16","shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]), "needs 2"),
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
