// CacheKey: a SHA-256 over named inputs (configuration bytes, code version, input files) deciding whether a step reruns.
import Crypto
import Foundation

/// The identity of a step's inputs. Two keys are equal exactly when every named part had the same bytes
/// (with overwhelming probability). Each part is hashed as `len(name) ‖ name ‖ len(bytes) ‖ bytes`
/// (lengths as 8-byte little-endian), so parts cannot run into each other.
public struct CacheKey: Hashable, Sendable, CustomStringConvertible {
    /// 64 lower-case hex digits.
    public let hex: String

    public init(hex: String) { self.hex = hex }

    public init(_ parts: [(name: String, bytes: Data)]) {
        var hasher = SHA256()
        for part in parts {
            Self.feed(Data(part.name.utf8), into: &hasher)
            Self.feed(part.bytes, into: &hasher)
        }
        hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    public var description: String { String(hex.prefix(12)) }

    private static func feed(_ data: Data, into hasher: inout SHA256) {
        withUnsafeBytes(of: UInt64(data.count).littleEndian) { hasher.update(bufferPointer: $0) }
        hasher.update(data: data)
    }

    /// Collects named parts; `build()` makes the key.
    public struct Builder: Sendable {
        private var parts: [(name: String, bytes: Data)] = []
        public init() {}

        public mutating func add(_ name: String, _ bytes: Data) { parts.append((name, bytes)) }
        public mutating func add(_ name: String, _ text: String) { parts.append((name, Data(text.utf8))) }
        public mutating func add(_ name: String, _ key: CacheKey) { parts.append((name, Data(key.hex.utf8))) }

        /// Adds a file's content (hashed, so a large file does not sit in memory twice).
        public mutating func addFile(_ name: String, at url: URL) throws {
            let data = try Data(contentsOf: url, options: .mappedIfSafe)
            parts.append((name, Data(SHA256.hash(data: data))))
        }

        public func build() -> CacheKey { CacheKey(parts) }
    }
}
