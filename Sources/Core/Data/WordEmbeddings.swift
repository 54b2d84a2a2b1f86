// WordEmbeddings: pretrained word vectors (GloVe) as words plus a row-major Float matrix.
//
// Reference: Pennington, Socher & Manning 2014, "GloVe: Global Vectors for Word Representation".

/// `words.count` × `dimension` vectors; row `i` (`vectors[i*dimension ..< (i+1)*dimension]`) is `words[i]`'s.
public struct WordEmbeddings: Equatable, Sendable {
    public var words: [String]
    public var dimension: Int
    /// Row-major, `words.count * dimension` values.
    public var vectors: [Float]

    public init(words: [String], dimension: Int, vectors: [Float]) {
        precondition(vectors.count == words.count * dimension,
                     "vectors has \(vectors.count) values, expected \(words.count) × \(dimension)")
        self.words = words
        self.dimension = dimension
        self.vectors = vectors
    }

    /// Reads the converted form written by `atlas data fetch --glove`: a word list (one per line,
    /// UTF-8) and the matrix as little-endian Float32, row-major.
    public init(wordList: [UInt8], wordListSource: String, matrix: [UInt8], matrixSource: String, dimension: Int) throws {
        let words = try TextLines.lines(wordList, source: wordListSource).map(String.init)
        let expected = words.count * dimension * 4
        guard matrix.count == expected else {
            throw AtlasError(source: matrixSource,
                             message: "has \(matrix.count) bytes, expected \(expected) (\(words.count) words × \(dimension) × 4)",
                             hint: "delete the converted GloVe files and run `atlas data fetch --glove` again")
        }
        let vectors = matrix.withUnsafeBytes { raw in
            (0..<(words.count * dimension)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
        self.init(words: words, dimension: dimension, vectors: vectors)
    }

    /// The vector of row `index`.
    public func vector(at index: Int) -> ArraySlice<Float> { vectors[index * dimension ..< (index + 1) * dimension] }
}
