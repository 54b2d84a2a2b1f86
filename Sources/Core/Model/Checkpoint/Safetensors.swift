// Safetensors: the bytes ↔ named tensors codec of the safetensors format (F32 tensors + string metadata).
import Foundation

/// The safetensors file format (https://github.com/huggingface/safetensors), for Float32 tensors.
///
/// Layout:
/// ```
/// [8 bytes: N, little-endian UInt64] [N bytes: JSON header, space-padded] [data bytes]
/// header = { "__metadata__": { "key": "value", … },
///            "name": { "dtype": "F32", "shape": [d0, d1, …], "data_offsets": [begin, end] }, … }
/// ```
/// Offsets are relative to the start of the data; the ranges must tile the data exactly (no holes,
/// no overlap), as the reference implementation requires. Encoding pads the header with spaces so
/// the data starts at a multiple of 8 bytes. Pure: no file I/O here.
public enum Safetensors {
    /// A decoded file: tensors in data order plus the metadata strings.
    public struct Contents: Sendable {
        public var tensors: [(name: String, tensor: Tensor)]
        public var metadata: [String: String]
        /// Integer tensors (e.g. BERT's I64 `embeddings.position_ids` buffer): name → dtype. Their bytes are checked
        /// to tile the data like any tensor's but not decoded; they are never model weights.
        public var skippedIntegerTensors: [String: String] = [:]

        public init(tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:]) {
            self.tensors = tensors
            self.metadata = metadata
        }
    }

    /// Encodes tensors (in the given order) and metadata (keys sorted) as safetensors bytes.
    public static func encode(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:]) -> [UInt8] {
        var entries: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { "\(jsonString($0)):\(jsonString(metadata[$0]!))" }
            entries.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
        }
        var offset = 0
        for (name, tensor) in tensors {
            precondition(name != "__metadata__", "a tensor may not be called __metadata__")
            let end = offset + tensor.count * 4
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append("\(jsonString(name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array("{\(entries.joined(separator: ","))}".utf8)
        while (8 + header.count) % 8 != 0 { header.append(UInt8(ascii: " ")) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + header.count + offset)
        var length = UInt64(header.count).littleEndian
        withUnsafeBytes(of: &length) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: header)
        for (_, tensor) in tensors {
            tensor.withUnsafeBufferPointer { scalars in
                for value in scalars {
                    var bits = value.bitPattern.littleEndian
                    withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
                }
            }
        }
        return bytes
    }

    /// Decodes safetensors bytes, refusing a truncated file, a malformed header, an unknown dtype,
    /// offsets that disagree with the shape, and ranges that overlap, leave holes or run past the end.
    /// `source` names the file in errors.
    public static func decode(_ bytes: [UInt8], source: String) throws -> Contents {
        func fail(_ message: String, _ hint: String? = nil) -> AtlasError {
            AtlasError(source: source, message: message, hint: hint)
        }
        guard bytes.count >= 8 else {
            throw fail("file is truncated: \(bytes.count) bytes, a safetensors file starts with an 8-byte header length",
                       "the file was not completely written; save or download it again")
        }
        var headerLength: UInt64 = 0
        for i in 0..<8 { headerLength |= UInt64(bytes[i]) << (8 * UInt64(i)) }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw fail("file is truncated: the header claims \(headerLength) bytes but only \(bytes.count - 8) follow",
                       "the file was not completely written; save or download it again")
        }
        let dataStart = 8 + Int(headerLength)
        let headerObject = try? JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart]))
        guard let header = headerObject as? [String: Any] else {
            throw fail("the header is not a JSON object", "this is not a safetensors file")
        }
        var metadata: [String: String] = [:]
        if let raw = header["__metadata__"] {
            guard let values = raw as? [String: Any] else { throw fail("__metadata__ is not an object of strings") }
            for (key, value) in values {
                guard let text = value as? String else { throw fail("__metadata__ value for \"\(key)\" is not a string") }
                metadata[key] = text
            }
        }
        let dataLength = bytes.count - dataStart
        var described: [(name: String, shape: [Int], begin: Int, end: Int)] = []
        var skipped: [String: String] = [:]
        for (name, raw) in header where name != "__metadata__" {
            guard let info = raw as? [String: Any] else { throw fail("tensor \"\(name)\" is not described by an object") }
            guard let dtype = info["dtype"] as? String else { throw fail("tensor \"\(name)\" has no dtype") }
            let integerWidth = integerWidths[dtype]
            guard dtype == "F32" || integerWidth != nil else {
                throw fail("tensor \"\(name)\" has dtype \(dtype); only F32 is supported",
                           "convert the weights to float32 before saving")
            }
            let width = integerWidth ?? 4
            guard let shape = integers(info["shape"]), shape.allSatisfy({ $0 >= 0 }) else {
                throw fail("tensor \"\(name)\" has no valid shape")
            }
            guard let offsets = integers(info["data_offsets"]), offsets.count == 2,
                  offsets[0] >= 0, offsets[0] <= offsets[1] else {
                throw fail("tensor \"\(name)\" has invalid data_offsets")
            }
            let expected = shape.reduce(1, *) * width
            guard offsets[1] - offsets[0] == expected else {
                throw fail("tensor \"\(name)\" has data_offsets \(offsets) spanning \(offsets[1] - offsets[0]) bytes, "
                           + "but shape \(shape) of \(dtype) needs \(expected)")
            }
            guard offsets[1] <= dataLength else {
                throw fail("file is truncated: tensor \"\(name)\" ends at data byte \(offsets[1]) but the data has \(dataLength) bytes",
                           "the file was not completely written; save or download it again")
            }
            described.append((name, shape, offsets[0], offsets[1]))
            if integerWidth != nil { skipped[name] = dtype }
        }
        described.sort { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
        var cursor = 0
        for entry in described {
            if entry.begin < cursor {
                throw fail("tensor \"\(entry.name)\" overlaps the tensor before it (data bytes \(entry.begin)..<\(cursor))")
            }
            if entry.begin > cursor {
                throw fail("data bytes \(cursor)..<\(entry.begin) belong to no tensor (a hole before \"\(entry.name)\")")
            }
            cursor = entry.end
        }
        guard cursor == dataLength else {
            throw fail("data bytes \(cursor)..<\(dataLength) belong to no tensor")
        }
        let tensors = described.filter { skipped[$0.name] == nil }.map { entry -> (name: String, tensor: Tensor) in
            var scalars = [Float](repeating: 0, count: (entry.end - entry.begin) / 4)
            bytes.withUnsafeBufferPointer { raw in
                for i in scalars.indices {
                    let at = dataStart + entry.begin + 4 * i
                    let bits = UInt32(raw[at]) | UInt32(raw[at + 1]) << 8 | UInt32(raw[at + 2]) << 16 | UInt32(raw[at + 3]) << 24
                    scalars[i] = Float(bitPattern: bits)
                }
            }
            return (entry.name, Tensor(shape: entry.shape, scalars: scalars))
        }
        var contents = Contents(tensors: tensors, metadata: metadata)
        contents.skippedIntegerTensors = skipped
        return contents
    }

    /// Bytes per element of the integer dtypes that are accepted and skipped.
    static let integerWidths: [String: Int] = ["I64": 8, "U64": 8, "I32": 4, "U32": 4, "I16": 2, "U16": 2, "I8": 1, "U8": 1,
                                               "BOOL": 1]

    private static func integers(_ value: Any?) -> [Int]? {
        guard let array = value as? [Any] else { return nil }
        var result: [Int] = []
        for element in array {
            guard let number = element as? Int else { return nil }
            result.append(number)
        }
        return result
    }

    /// A JSON string literal with the characters JSON requires escaped.
    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
