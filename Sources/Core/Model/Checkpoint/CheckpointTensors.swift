// CheckpointTensors: reads a pretrained safetensors file whose tensors are F32, F16 or BF16 (plus integer buffers).
import Foundation

/// The tensors of a pretrained safetensors file, converted to Float32.
///
/// `Safetensors.decode` (the project's own codec) accepts F32 only. Published checkpoints also
/// hold F16/BF16 weights and integer buffers such as BERT's `embeddings.position_ids` (I64), so this
/// reader widens F16 and BF16 to F32 exactly (every F16/BF16 value is representable in F32) and keeps
/// integer tensors aside by name, unconverted, for the key map to drop or refuse.
///
/// Header layout as in `Safetensors`: `[UInt64 N][N bytes JSON][data]`, offsets relative to the data.
public struct CheckpointTensors: Sendable {
    /// Floating-point tensors as F32, by checkpoint name.
    public var tensors: [String: Tensor]
    /// The stored dtype of each floating-point tensor ("F32", "F16" or "BF16").
    public var storedTypes: [String: String]
    /// Integer tensors (I64, I32, …) by name → dtype; their values are not decoded.
    public var integerTensors: [String: String]

    /// Decodes `bytes`; `source` names the file in errors.
    public static func decode(_ bytes: [UInt8], source: String) throws -> CheckpointTensors {
        func fail(_ message: String) -> AtlasError {
            AtlasError(source: source, message: message, hint: "the file is not a complete safetensors checkpoint")
        }
        guard bytes.count >= 8 else { throw fail("file is truncated: \(bytes.count) bytes") }
        let headerLength = bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw fail("file is truncated: the header claims \(headerLength) bytes but only \(bytes.count - 8) follow")
        }
        let dataStart = 8 + Int(headerLength)
        guard let header = (try? JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart]))) as? [String: Any] else {
            throw fail("the header is not a JSON object")
        }
        var result = CheckpointTensors(tensors: [:], storedTypes: [:], integerTensors: [:])
        for (name, raw) in header where name != "__metadata__" {
            guard let info = raw as? [String: Any], let dtype = info["dtype"] as? String,
                  let shape = info["shape"] as? [Int], let offsets = info["data_offsets"] as? [Int],
                  offsets.count == 2, shape.allSatisfy({ $0 >= 0 }) else {
                throw fail("tensor \"\(name)\" has no valid dtype, shape and data_offsets")
            }
            let width: Int
            switch dtype {
            case "F32", "I32", "U32": width = 4
            case "F16", "BF16", "I16", "U16": width = 2
            case "I64", "U64", "F64": width = 8
            case "I8", "U8", "BOOL": width = 1
            default: throw fail("tensor \"\(name)\" has unknown dtype \(dtype)")
            }
            let count = shape.reduce(1, *)
            let begin = dataStart + offsets[0], end = dataStart + offsets[1]
            guard offsets[0] >= 0, end - begin == count * width, end <= bytes.count else {
                throw fail("tensor \"\(name)\": data_offsets \(offsets) do not hold \(count) × \(dtype) inside the file")
            }
            guard ["F32", "F16", "BF16"].contains(dtype) else {
                if dtype == "F64" {
                    throw AtlasError(source: source, message: "tensor \"\(name)\" has dtype F64",
                                     hint: "convert the checkpoint to float32 (or float16/bfloat16) first")
                }
                result.integerTensors[name] = dtype
                continue
            }
            var scalars = [Float](repeating: 0, count: count)
            bytes.withUnsafeBufferPointer { raw in
                if dtype == "F32" && UInt32(1).littleEndian == 1 {
                    // Little-endian host: the stored bytes are already the Float bit patterns.
                    scalars.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: raw[begin..<end]))) }
                    return
                }
                for i in 0..<count {
                    let at = begin + i * width
                    switch dtype {
                    case "F32":
                        scalars[i] = Float(bitPattern: UInt32(raw[at]) | UInt32(raw[at + 1]) << 8
                                           | UInt32(raw[at + 2]) << 16 | UInt32(raw[at + 3]) << 24)
                    case "BF16":
                        scalars[i] = Float(bitPattern: (UInt32(raw[at]) | UInt32(raw[at + 1]) << 8) << 16)
                    default:
                        scalars[i] = Float(halfBits: UInt16(raw[at]) | UInt16(raw[at + 1]) << 8)
                    }
                }
            }
            result.tensors[name] = Tensor(shape: shape, scalars: scalars)
            result.storedTypes[name] = dtype
        }
        return result
    }
}

extension Float {
    /// The value of an IEEE 754 binary16 bit pattern (exact: subnormals, infinities and NaN included).
    init(halfBits bits: UInt16) {
        let sign = UInt32(bits >> 15) << 31
        let exponent = Int((bits >> 10) & 0x1F)
        let mantissa = UInt32(bits & 0x3FF)
        switch exponent {
        case 0:
            let magnitude = Float(mantissa) * 0x1p-24
            self = sign == 0 ? magnitude : -magnitude
        case 31:
            self = Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13)
        default:
            self = Float(bitPattern: sign | UInt32(exponent + 112) << 23 | mantissa << 13)
        }
    }
}
