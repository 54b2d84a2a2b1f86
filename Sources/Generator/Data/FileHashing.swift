// FileHashing: SHA-256 of files (streamed) and the check against the manifest.
import Core
import Crypto
import Foundation

enum FileHashing {
    /// Lower-case hex SHA-256 of the file at `url`, read in 1 MiB chunks.
    static func sha256(of url: URL) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw AtlasError(source: url.path, message: "cannot open file")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hex(hasher.finalize())
    }

    static func sha256(of bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    static func hex(_ digest: SHA256.Digest) -> String { digest.map { String(format: "%02x", $0) }.joined() }

    /// Throws when `actual` differs from `expected`, naming the file and both hashes.
    static func verify(path: String, actual: String, expected: String) throws {
        guard actual == expected else {
            throw AtlasError(source: path, message: "checksum mismatch: expected SHA-256 \(expected), found \(actual)",
                             hint: "the file is damaged or a different version; delete it and obtain it again (see corpora/README.md)")
        }
    }
}
