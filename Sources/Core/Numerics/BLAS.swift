// BLAS: the one door to OpenBLAS. Every matrix product in the project goes through `gemm`.
import COpenBLAS

/// Whether a matrix operand is used as stored or transposed.
public enum Transpose: Sendable {
    case none, transposed
    var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}

/// C ← alpha · op(A) · op(B) + beta · C, all row-major. op(A) is m×k, op(B) is k×n, C is m×n.
///
/// `lda`, `ldb`, `ldc` are row strides in elements (for an untransposed, contiguous A that is k).
@inline(__always)
public func gemm(
    _ transA: Transpose, _ transB: Transpose,
    m: Int, n: Int, k: Int,
    alpha: Float = 1,
    _ a: UnsafePointer<Float>, lda: Int,
    _ b: UnsafePointer<Float>, ldb: Int,
    beta: Float = 0,
    _ c: UnsafeMutablePointer<Float>, ldc: Int
) {
    if m == 0 || n == 0 { return }
    cblas_sgemm(CblasRowMajor, transA.cblas, transB.cblas,
                Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
}

/// Sets how many threads OpenBLAS uses for every later product (1 or 2 on this project's machines).
///
/// For `SentimentTransformer` prefer 1 and set the model's `threads` instead: the model then splits
/// each product over its own threads, which measured faster than OpenBLAS's threading on 2 cores.
public func setBLASThreads(_ count: Int) {
    openblas_set_num_threads(Int32(max(1, count)))
}

/// How many threads OpenBLAS currently uses.
public func blasThreads() -> Int {
    Int(openblas_get_num_threads())
}

/// `gemm` with the m rows of C cut into two parts, computed in parallel when `threads` > 1.
///
/// Each part is an ordinary single-threaded BLAS call, so this replaces
/// OpenBLAS's own threading by one thread pool shared with the rest of the model's loops. The cut does not
/// depend on `threads` (one thread computes the same two parts one after the other): OpenBLAS chooses its kernels
/// by the call's size, so a row of C can round differently in a call of m rows than in one of m/2, and a cut by
/// thread count made training depend on it (`TrainingThreadIndependenceTests`). When OpenBLAS itself runs more
/// than one thread this is a plain `gemm` call.
public func gemm(
    threads: Int,
    _ transA: Transpose, _ transB: Transpose,
    m: Int, n: Int, k: Int,
    alpha: Float = 1,
    _ a: UnsafePointer<Float>, lda: Int,
    _ b: UnsafePointer<Float>, ldb: Int,
    beta: Float = 0,
    _ c: UnsafeMutablePointer<Float>, ldc: Int
) {
    // Below ~2 MFLOP the thread hand-off costs more than it saves; and when OpenBLAS runs its own
    // threads, splitting again would put 4 threads on 2 cores.
    let parts = m * n * k < 1 << 20 || blasThreads() > 1 ? 1 : min(gemmRowParts, max(1, m / 16))
    if parts <= 1 {
        gemm(transA, transB, m: m, n: n, k: k, alpha: alpha, a, lda: lda, b, ldb: ldb, beta: beta, c, ldc: ldc)
        return
    }
    func part(_ index: Int) {
        let start = m * index / parts, end = m * (index + 1) / parts
        let aPart = transA == .none ? a + start * lda : a + start
        gemm(transA, transB, m: end - start, n: n, k: k, alpha: alpha, aPart, lda: lda, b, ldb: ldb,
             beta: beta, c + start * ldc, ldc: ldc)
    }
    guard threads > 1 else {
        for index in 0..<parts { part(index) }
        return
    }
    parallelChunks(parts, threads: min(threads, parts)) { _, first, last in
        for index in first..<last { part(index) }
    }
}

/// The parts `gemm(threads:…)` cuts a product's rows into: the cores of this project's machines.
let gemmRowParts = 2
