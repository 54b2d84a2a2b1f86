// NumpyArrayTests: the .npy reader on hand-built files, C and Fortran order, and a wrong dtype.
import Testing
@testable import Core

@Suite struct NumpyArrayTests {
    static func npy(_ header: String, _ values: [Float]) -> [UInt8] {
        var dict = Array(header.utf8)
        while (10 + dict.count + 1) % 64 != 0 { dict.append(0x20) }
        dict.append(0x0A)
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(dict.count & 0xFF), UInt8(dict.count >> 8)] + dict + WordEmbeddingsTests.littleEndian(values)
    }

    /// numpy.asfortranarray([[1, 2, 3], [4, 5, 6]], dtype='<f4') stores 1 4 2 5 3 6.
    @Test func transposesFortranOrder() throws {
        let bytes = Self.npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", [1, 4, 2, 5, 3, 6])
        let array = try NumpyArray.parseFloat32(bytes, source: "a.npy")
        #expect(array.shape == [2, 3])
        #expect(array.values == [1, 2, 3, 4, 5, 6])
        let cOrder = try NumpyArray.parseFloat32(Self.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", [7, 8, 9]), source: "b")
        #expect(cOrder.shape == [3] && cOrder.values == [7, 8, 9])
    }

    @Test func rejectsOtherDtypes() {
        let bytes = Self.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", [0, 0])
        #expect(throws: AtlasError.self) { try NumpyArray.parseFloat32(bytes, source: "a.npy") }
    }
}
