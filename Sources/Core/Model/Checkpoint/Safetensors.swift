// Safetensors: the bytes ↔ named tensors codec of the safetensors format, for the project's checkpoints and Hugging Face ones.
import Foundation

/// The safetensors file format (https://github.com/huggingface/safetensors): the one reader and writer
/// of the project's own checkpoints and of published Hugging Face checkpoints.
///
/// Layout:
/// ```
/// [8 bytes: N, little-endian UInt64] [N bytes: JSON header, space-padded] [data bytes]
/// header = { "__metadata__": { "key": "value", … },
///            "name": { "dtype": "F32", "shape": [d0, d1, …], "data_offsets": [begin, end] }, … }
/// ```
/// Offsets are relative to the start of the data; the ranges must tile the data exactly (no holes,
/// no overlap), as the reference implementation requires. Elements are stored little-endian.
///
/// `encode` writes F32 only and pads the header with spaces so the data starts at a multiple of 8 bytes.
/// `decode` reads F32 as is and widens F16 and BF16 to F32. The widening is exact, never a rounding:
/// F32 has a wider exponent range and a longer significand than both. A binary16 value has 11 significant
/// bits and lies between 2⁻²⁴ and 65504 in magnitude (subnormals included), all normal F32 numbers; a
/// bfloat16 value is the upper 16 bits of an F32 (same 8-bit exponent, 8 significant bits), so it *is* an F32
/// with zero low bits. Infinities, signed zeros and NaNs stay what they were. Integer tensors (I64, I32, …,
/// BOOL) are checked like any tensor but not decoded; any other dtype is refused. Pure: no file I/O here.
public enum Safetensors {
    /// A decoded file: float tensors in data order plus the metadata strings.
    public struct Contents: Sendable {
        /// The floating-point tensors as F32, in data order (the order `encode` wrote them in).
        public var tensors: [(name: String, tensor: Tensor)]
        public var metadata: [String: String]
        /// The stored dtype of each tensor in `tensors` (F32, F16 or BF16): which ones were widened.
        public var storedTypes: [String: DType] = [:]
        /// Integer tensors (e.g. BERT's I64 `embeddings.position_ids` buffer): name → dtype. Their bytes are checked
        /// to tile the data like any tensor's but not decoded; they are never model weights.
        public var integerTensors: [String: DType] = [:]

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

    /// Decodes safetensors bytes: F32 tensors as they are, F16 and BF16 widened to F32, integer tensors set
    /// aside by name, in data order. Refuses a truncated file, a malformed header, any other dtype, offsets
    /// that disagree with the shape, and ranges that overlap, leave holes or run past the end (see `Header`).
    /// `source` names the file in errors.
    public static func decode(_ bytes: [UInt8], source: String) throws -> Contents {
        let header = try Header(bytes, source: source)
        var contents = Contents(tensors: [], metadata: header.metadata)
        bytes.withUnsafeBytes { raw in
            for entry in header.entries {
                guard entry.dtype.isFloat else {
                    contents.integerTensors[entry.name] = entry.dtype
                    continue
                }
                let stored = raw[(header.dataStart + entry.range.lowerBound)..<(header.dataStart + entry.range.upperBound)]
                let scalars = entry.dtype.widened(UnsafeRawBufferPointer(rebasing: stored))
                contents.tensors.append((entry.name, Tensor(shape: entry.shape, scalars: scalars)))
                contents.storedTypes[entry.name] = entry.dtype
            }
        }
        return contents
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
