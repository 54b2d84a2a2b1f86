// FileHashingTests: SHA-256 against the FIPS 180-2 test vector, streamed files, and the mismatch error.
import Core
import Foundation
import Testing
@testable import Generator

@Suite struct FileHashingTests {
    /// FIPS 180-2, appendix B.1: SHA-256("abc").
    static let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

    @Test func bytesAndFileAgree() throws {
        #expect(FileHashing.sha256(of: Array("abc".utf8)) == Self.abc)
        let url = try DataTestSupport.temporaryFolder().appendingPathComponent("abc.txt")
        try DataTestSupport.write("abc", to: url)
        #expect(try FileHashing.sha256(of: url) == Self.abc)
    }

    @Test func mismatchNamesFileAndBothHashes() {
        #expect(throws: AtlasError(source: "x/y.csv", message: "checksum mismatch: expected SHA-256 aa, found bb",
                                   hint: "the file is damaged or a different version; delete it and obtain it again (see corpora/README.md)")) {
            try FileHashing.verify(path: "x/y.csv", actual: "bb", expected: "aa")
        }
        #expect(throws: Never.self) { try FileHashing.verify(path: "x", actual: "aa", expected: "aa") }
    }
}
