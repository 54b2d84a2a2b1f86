// NumpyArray: reads a `.npy` file (format 1.0–3.0) holding little-endian float32 into a row-major matrix.
//
// Reference: numpy's `numpy.lib.format` specification (magic `\x93NUMPY`, version, header length,
// a Python-literal dict with 'descr', 'fortran_order' and 'shape', then the raw data).

public enum NumpyArray {
    /// Returns the shape and the values in row-major order (a Fortran-order array is transposed).
    public static func parseFloat32(_ bytes: [UInt8], source: String) throws -> (shape: [Int], values: [Float]) {
        func fail(_ message: String) -> AtlasError {
            AtlasError(source: source, message: message, hint: "expected a float32 .npy file as written by numpy.save")
        }
        guard bytes.count >= 10, bytes.starts(with: [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]) else { throw fail("not a .npy file") }
        let major = bytes[6]
        let headerLengthSize = major == 1 ? 2 : 4
        var headerLength = 0
        for i in 0..<headerLengthSize { headerLength |= Int(bytes[8 + i]) << (8 * i) }
        let dataStart = 8 + headerLengthSize + headerLength
        guard bytes.count >= dataStart else { throw fail("truncated header") }
        let header = String(decoding: bytes[(8 + headerLengthSize)..<dataStart], as: UTF8.self)
        guard header.contains("'descr': '<f4'") else { throw fail("dtype is not little-endian float32: \(header)") }
        let fortran = header.contains("'fortran_order': True")
        guard let open = header.firstIndex(of: "("), let close = header[open...].firstIndex(of: ")") else {
            throw fail("no shape in header: \(header)")
        }
        let shape = header[header.index(after: open)..<close].split(separator: ",").compactMap {
            Int($0.filter { !$0.isWhitespace })
        }
        let count = shape.reduce(1, *)
        guard bytes.count - dataStart == count * 4 else {
            throw fail("has \(bytes.count - dataStart) data bytes, expected \(count * 4) for shape \(shape)")
        }
        var values = bytes[dataStart...].withUnsafeBytes { raw in
            (0..<count).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
        if fortran && shape.count == 2 {
            let (rows, columns) = (shape[0], shape[1])
            var rowMajor = [Float](repeating: 0, count: count)
            for r in 0..<rows { for c in 0..<columns { rowMajor[r * columns + c] = values[c * rows + r] } }
            values = rowMajor
        } else if fortran && shape.count > 2 {
            throw fail("Fortran-order arrays of rank \(shape.count) are not supported")
        }
        return (shape, values)
    }
}
