// WordEmbeddingsTests: the converted GloVe format (words + little-endian float32 rows).
import Testing
@testable import Core

@Suite struct WordEmbeddingsTests {
    static func littleEndian(_ values: [Float]) -> [UInt8] {
        values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
    }

    @Test func readsWordsAndRowMajorMatrix() throws {
        let embeddings = try WordEmbeddings(wordList: Array("the\n,\n".utf8), wordListSource: "w.txt",
                                            matrix: Self.littleEndian([1, 2, 3, -4, 0.5, 6]), matrixSource: "m.f32",
                                            dimension: 3)
        #expect(embeddings.words == ["the", ","])
        #expect(Array(embeddings.vector(at: 1)) == [-4, 0.5, 6])
    }

    @Test func rejectsWrongMatrixSize() {
        #expect(throws: AtlasError(source: "m.f32", message: "has 8 bytes, expected 24 (2 words × 3 × 4)",
                                   hint: "delete the converted GloVe files and run `atlas data fetch --glove` again")) {
            try WordEmbeddings(wordList: Array("a\nb\n".utf8), wordListSource: "w", matrix: Self.littleEndian([1, 2]),
                               matrixSource: "m.f32", dimension: 3)
        }
    }
}
