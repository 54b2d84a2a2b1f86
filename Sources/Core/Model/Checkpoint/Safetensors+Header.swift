// Safetensors+Header: reads and checks a file's header (length, JSON, metadata, each tensor's dtype, shape and bytes).
import Foundation

extension Safetensors {
    /// One tensor as the header describes it.
    struct Entry {
        var name: String
        var dtype: DType
        var shape: [Int]
        /// Byte range relative to the start of the data; its length is the shape's element count × the dtype's width.
        var range: Range<Int>
    }

    /// A checked header: where the data starts, the metadata, and the tensors in data order, their ranges
    /// tiling the data exactly. Every check that fails throws an `AtlasError` naming `source`.
    struct Header {
        var dataStart: Int
        var metadata: [String: String]
        var entries: [Entry]

        init(_ bytes: [UInt8], source: String) throws {
            func fail(_ message: String, _ hint: String? = nil) -> AtlasError {
                AtlasError(source: source, message: message, hint: hint)
            }
            let incomplete = "the file was not completely written; save or download it again"
            guard bytes.count >= 8 else {
                throw fail("file is truncated: \(bytes.count) bytes, a safetensors file starts with an 8-byte header length",
                           incomplete)
            }
            var headerLength: UInt64 = 0
            for i in 0..<8 { headerLength |= UInt64(bytes[i]) << (8 * UInt64(i)) }
            guard headerLength <= UInt64(bytes.count - 8) else {
                throw fail("file is truncated: the header claims \(headerLength) bytes but only \(bytes.count - 8) follow",
                           incomplete)
            }
            dataStart = 8 + Int(headerLength)
            let headerObject = try? JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart]))
            guard let header = headerObject as? [String: Any] else {
                throw fail("the header is not a JSON object", "this is not a safetensors file")
            }
            metadata = [:]
            if let raw = header["__metadata__"] {
                guard let values = raw as? [String: Any] else { throw fail("__metadata__ is not an object of strings") }
                for (key, value) in values {
                    guard let text = value as? String else { throw fail("__metadata__ value for \"\(key)\" is not a string") }
                    metadata[key] = text
                }
            }
            let dataLength = bytes.count - dataStart
            entries = []
            // Sorted names: a file with several faults always reports the same one first.
            for name in header.keys.sorted() where name != "__metadata__" {
                let entry = try Self.entry(name, header[name]!, fail: fail)
                guard entry.range.upperBound <= dataLength else {
                    throw fail("file is truncated: tensor \"\(name)\" ends at data byte \(entry.range.upperBound) "
                               + "but the data has \(dataLength) bytes", incomplete)
                }
                entries.append(entry)
            }
            entries.sort { ($0.range.lowerBound, $0.range.upperBound, $0.name) < ($1.range.lowerBound, $1.range.upperBound, $1.name) }
            try Self.checkTiling(entries, dataLength: dataLength, fail: fail)
        }

        /// One tensor's description, its offsets checked against its own shape and dtype (not yet against the file).
        private static func entry(_ name: String, _ raw: Any, fail: (String, String?) -> AtlasError) throws -> Entry {
            guard let info = raw as? [String: Any] else { throw fail("tensor \"\(name)\" is not described by an object", nil) }
            guard let spelled = info["dtype"] as? String else { throw fail("tensor \"\(name)\" has no dtype", nil) }
            guard let dtype = DType(rawValue: spelled) else {
                throw fail("tensor \"\(name)\" has dtype \(spelled); only F32, F16, BF16 and integer tensors can be read",
                           "convert the weights to float32 (or float16/bfloat16) first")
            }
            guard let shape = integers(info["shape"]), shape.allSatisfy({ $0 >= 0 }) else {
                throw fail("tensor \"\(name)\" has no valid shape", nil)
            }
            guard let offsets = integers(info["data_offsets"]), offsets.count == 2,
                  offsets[0] >= 0, offsets[0] <= offsets[1] else {
                throw fail("tensor \"\(name)\" has invalid data_offsets", nil)
            }
            // A hostile shape must not overflow (and trap) the size computation.
            var expected = dtype.width, overflow = false
            for dimension in shape where !overflow {
                (expected, overflow) = expected.multipliedReportingOverflow(by: dimension)
            }
            guard !overflow else { throw fail("tensor \"\(name)\" has shape \(shape), too large for any file", nil) }
            guard offsets[1] - offsets[0] == expected else {
                throw fail("tensor \"\(name)\" has data_offsets \(offsets) spanning \(offsets[1] - offsets[0]) bytes, "
                           + "but shape \(shape) of \(dtype) needs \(expected)", nil)
            }
            return Entry(name: name, dtype: dtype, shape: shape, range: offsets[0]..<offsets[1])
        }

        /// Refuses sorted `entries` whose ranges overlap, leave a hole or stop short of the data's end.
        private static func checkTiling(_ entries: [Entry], dataLength: Int, fail: (String, String?) -> AtlasError) throws {
            var cursor = 0
            for entry in entries {
                if entry.range.lowerBound < cursor {
                    throw fail("tensor \"\(entry.name)\" overlaps the tensor before it (data bytes \(entry.range.lowerBound)..<\(cursor))", nil)
                }
                if entry.range.lowerBound > cursor {
                    throw fail("data bytes \(cursor)..<\(entry.range.lowerBound) belong to no tensor (a hole before \"\(entry.name)\")", nil)
                }
                cursor = entry.range.upperBound
            }
            guard cursor == dataLength else {
                throw fail("data bytes \(cursor)..<\(dataLength) belong to no tensor", nil)
            }
        }

        /// A JSON array of integers, or nil (a fraction, string or other value is not an integer).
        private static func integers(_ value: Any?) -> [Int]? {
            guard let array = value as? [Any] else { return nil }
            var result: [Int] = []
            for element in array {
                guard let number = element as? Int else { return nil }
                result.append(number)
            }
            return result
        }
    }
}
