// Safetensors+DType: the element types a safetensors header may name, their widths, and exact widening to Float32.

extension Safetensors {
    /// A tensor's stored element type, spelled as in the header's "dtype". Only these are accepted:
    /// the float types are read, the integer types (buffers such as BERT's position ids) are set aside.
    public enum DType: String, Sendable, CustomStringConvertible {
        case f32 = "F32", f16 = "F16", bf16 = "BF16"
        case i64 = "I64", u64 = "U64", i32 = "I32", u32 = "U32", i16 = "I16", u16 = "U16", i8 = "I8", u8 = "U8"
        case bool = "BOOL"

        /// Bytes per element.
        var width: Int {
            switch self {
            case .i64, .u64: 8
            case .f32, .i32, .u32: 4
            case .f16, .bf16, .i16, .u16: 2
            case .i8, .u8, .bool: 1
            }
        }

        /// Whether `decode` reads the values (F32, F16, BF16) rather than only setting the tensor aside.
        var isFloat: Bool { self == .f32 || self == .f16 || self == .bf16 }

        /// As spelled in the header, so that messages read "dtype I64".
        public var description: String { rawValue }

        /// The little-endian elements in `stored` as Float32; exact for every float type (see `Safetensors`).
        func widened(_ stored: UnsafeRawBufferPointer) -> [Float] {
            precondition(isFloat && stored.count % width == 0, "\(self) bytes cannot be read as floats")
            let count = stored.count / width
            func half(_ i: Int) -> UInt16 { UInt16(littleEndian: stored.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)) }
            return [Float](unsafeUninitializedCapacity: count) { scalars, initialized in
                switch self {
                case .f32:
                    #if _endian(little)
                    // The stored bytes already are the host's Float bit patterns: one copy (checkpoints run to 100 MB).
                    UnsafeMutableRawBufferPointer(scalars).copyMemory(from: stored)
                    #else
                    for i in 0..<count {
                        scalars[i] = Float(bitPattern: UInt32(littleEndian: stored.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                    }
                    #endif
                case .bf16:
                    // BF16 is the upper half of an F32 bit pattern.
                    for i in 0..<count { scalars[i] = Float(bitPattern: UInt32(half(i)) << 16) }
                default:
                    for i in 0..<count { scalars[i] = Float(halfBits: half(i)) }
                }
                initialized = count
            }
        }
    }
}

extension Float {
    /// The value of an IEEE 754 binary16 bit pattern (exact: subnormals, infinities and NaN included).
    /// Written out rather than via `Float16`, which is missing on some platforms (macOS on Intel).
    init(halfBits bits: UInt16) {
        let sign = UInt32(bits >> 15) << 31
        let exponent = Int((bits >> 10) & 0x1F)
        let mantissa = UInt32(bits & 0x3FF)
        switch exponent {
        case 0:
            // Subnormal (or zero): mantissa × 2⁻²⁴, exact since mantissa < 2¹⁰.
            let magnitude = Float(mantissa) * 0x1p-24
            self = sign == 0 ? magnitude : -magnitude
        case 31:
            self = Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13)
        default:
            // Rebias the exponent (15 → 127) and left-align the 10 mantissa bits in F32's 23.
            self = Float(bitPattern: sign | UInt32(exponent + 112) << 23 | mantissa << 13)
        }
    }
}
