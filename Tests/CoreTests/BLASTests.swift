import Testing
@testable import Core

@Suite struct BLASTests {
    /// [[1,2,3],[4,5,6]] · [[7,8],[9,10],[11,12]] = [[58,64],[139,154]] (worked by hand).
    @Test func multipliesSmallMatrices() {
        let a: [Float] = [1, 2, 3, 4, 5, 6]
        let b: [Float] = [7, 8, 9, 10, 11, 12]
        var c = [Float](repeating: 0, count: 4)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    gemm(.none, .none, m: 2, n: 2, k: 3, pa.baseAddress!, lda: 3, pb.baseAddress!, ldb: 2,
                         pc.baseAddress!, ldc: 2)
                }
            }
        }
        #expect(c == [58, 64, 139, 154])
    }

    /// Aᵀ with A = [[1,2],[3,4],[5,6]] (3×2) times B = [[1],[1],[1]]: column sums [9, 12].
    @Test func transposedOperand() {
        let a: [Float] = [1, 2, 3, 4, 5, 6]
        let b: [Float] = [1, 1, 1]
        var c = [Float](repeating: 0, count: 2)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    gemm(.transposed, .none, m: 2, n: 1, k: 3, pa.baseAddress!, lda: 2, pb.baseAddress!, ldb: 1,
                         pc.baseAddress!, ldc: 1)
                }
            }
        }
        #expect(c == [9, 12])
    }
}
