// LayerContributions: the per-layer contribution matrices of the decomposition methods (norm, norm + residual + LN,
// GlobEnc, ALTI, value zeroing) and the norm-weighted head maps of norm-weighted LAT.

/// The post-LN layer's own computation from s₁ (LN₁, feed-forward, residual, LN₂), for `rows` rows of width D:
/// value zeroing re-runs it with one position's value vectors set to zero.
public typealias LayerTail = (_ sums: [Float], _ rows: Int) -> [Float]

extension LayerDecomposition {
    /// The n × n contribution matrix C (row i = position i of the layer's output, column j = input position j)
    /// of each requested method, every row normalised to sum to 1 (a row that is all zero stays zero). With the
    /// notation of `LayerDecomposition` and T_i(x_j) = g₁ᵢ(Σ_h A^h_ij F^h_j + δ_ij x_j):
    /// - `.norm` (Kobayashi et al. 2020): C_ij = ‖Σ_h A^h_ij F^h_j‖₂.
    /// - `.normResidual` (Kobayashi et al. 2021, attention + residual + LN₁): C_ij = ‖T_i(x_j)‖₂.
    /// - `.globEnc` (Modarressi et al. 2022): C_ij = ‖g₂ᵢ(T_i(x_j))‖₂, the feed-forward path bypassed, LN₂ linearised
    ///   at the statistics of the real s₂_i.
    /// - `.alti` (Ferrando et al. 2022): C_ij = max(0, ‖a_i‖₁ − ‖a_i − T_i(x_j)‖₁), a_i = LN₁(s₁_i) the real output.
    /// - `.valueZeroing` (Mohebbi et al. 2023): C_ij = 1 − cos(y_i, y_i^{¬j}), y^{¬j} the layer's output with
    ///   v_j = 0 in every head (s₁_i − Σ_h A^h_ij F^h_j through `tail`); needs `tail`.
    /// Other ids are ignored. Cost: n² · (H + a few) · D for the norm methods, n forward passes of the layer's
    /// tail over n rows for value zeroing.
    public func contributions(_ methods: Set<MethodID>, tail: LayerTail? = nil) -> [MethodID: [Float]] {
        let n = tokens, d = width
        let wantsNorm = methods.contains(.norm), wantsResidual = methods.contains(.normResidual)
        let wantsGlobEnc = methods.contains(.globEnc), wantsALTI = methods.contains(.alti)
        var norm = [Float](), residual = [Float](), globEnc = [Float](), alti = [Float]()
        if wantsNorm { norm = [Float](repeating: 0, count: n * n) }
        if wantsResidual { residual = [Float](repeating: 0, count: n * n) }
        if wantsGlobEnc { globEnc = [Float](repeating: 0, count: n * n) }
        if wantsALTI { alti = [Float](repeating: 0, count: n * n) }
        // s₁ once per layer: ALTI's resultant is LN₁ of it, value zeroing subtracts one position's part from it.
        let wantsZeroing = methods.contains(.valueZeroing) && tail != nil
        let sums = wantsALTI || wantsZeroing ? attentionSum() : []
        if wantsNorm || wantsResidual || wantsGlobEnc || wantsALTI {
            var outputs = [Float]()   // a = LN₁(s₁), ALTI's resultant
            if wantsALTI {
                outputs = sums
                outputs.withUnsafeMutableBufferPointer { a in
                    for i in 0..<n { norm1.normalise(a.baseAddress! + i * d, position: i) }
                }
            }
            let wantsTransformed = wantsResidual || wantsGlobEnc || wantsALTI
            var part = [Float](repeating: 0, count: d)
            part.withUnsafeMutableBufferPointer { p in
                let v = p.baseAddress!
                for i in 0..<n {
                    let outputL1 = wantsALTI ? outputs[(i * d)..<((i + 1) * d)].reduce(0) { $0 + abs($1) } : 0
                    for j in 0..<n {
                        moved(from: j, to: i, into: v)               // Σ_h A^h_ij F^h_j
                        if wantsNorm { norm[i * n + j] = euclideanNorm(v, count: d) }
                        guard wantsTransformed else { continue }
                        if i == j { addResidual(of: j, into: v) }    // + δ_ij x_j
                        norm1.apply(v, position: i)                  // T_i(x_j)
                        if wantsResidual { residual[i * n + j] = euclideanNorm(v, count: d) }
                        if wantsALTI {
                            var distance: Float = 0
                            for k in 0..<d { distance += abs(outputs[i * d + k] - v[k]) }
                            alti[i * n + j] = max(0, outputL1 - distance)
                        }
                        if wantsGlobEnc {
                            norm2.apply(v, position: i)
                            globEnc[i * n + j] = euclideanNorm(v, count: d)
                        }
                    }
                }
            }
        }
        var result: [MethodID: [Float]] = [:]
        if wantsNorm { result[.norm] = normalisingRows(norm, n) }
        if wantsResidual { result[.normResidual] = normalisingRows(residual, n) }
        if wantsGlobEnc { result[.globEnc] = normalisingRows(globEnc, n) }
        if wantsALTI { result[.alti] = normalisingRows(alti, n) }
        if wantsZeroing, let tail {
            result[.valueZeroing] = normalisingRows(valueZeroingDistances(sums: sums, tail: tail), n)
        }
        return result
    }

    /// 1 − cos(y_i, y_i^{¬j}) for every i, j (n × n, not normalised), j in chunks so one tail call sees ≤ 512 rows;
    /// `sums` is s₁ (`attentionSum()`).
    func valueZeroingDistances(sums: [Float], tail: LayerTail) -> [Float] {
        let n = tokens, d = width
        let reference = tail(sums, n)
        var distances = [Float](repeating: 0, count: n * n)
        let perChunk = max(1, 512 / n)
        var part = [Float](repeating: 0, count: d)
        for start in stride(from: 0, to: n, by: perChunk) {
            let js = Array(start..<min(n, start + perChunk))
            var zeroed = [Float]()
            zeroed.reserveCapacity(js.count * n * d)
            for j in js {
                zeroed.append(contentsOf: sums)
                let base = zeroed.count - n * d
                part.withUnsafeMutableBufferPointer { p in
                    for i in 0..<n {
                        moved(from: j, to: i, into: p.baseAddress!)
                        for k in 0..<d { zeroed[base + i * d + k] -= p[k] }
                    }
                }
            }
            let outputs = tail(zeroed, js.count * n)
            for (c, j) in js.enumerated() {
                for i in 0..<n {
                    distances[i * n + j] = cosineDistance(reference, i * d, outputs, (c * n + i) * d, count: d)
                }
            }
        }
        return distances
    }

    /// Norm-weighted attention of every head, H × n × n: N^h_ij = A^h_ij ‖F^h_j‖₂, each row normalised (what head h
    /// moves from j to i, in place of how much it attends).
    public func normWeightedAttention() -> [Float] {
        let n = tokens, d = width
        var weighted = attention
        headOutputs.withUnsafeBufferPointer { f in
            for h in 0..<heads {
                let norms = (0..<n).map { j in euclideanNorm(f.baseAddress! + (h * n + j) * d, count: d) }
                for i in 0..<n {
                    for j in 0..<n { weighted[(h * n + i) * n + j] *= norms[j] }
                }
            }
        }
        normaliseRows(&weighted, rows: heads * n, columns: n)
        return weighted
    }
}

/// ‖v‖₂ over `count` scalars.
func euclideanNorm(_ v: UnsafePointer<Float>, count: Int) -> Float {
    var total: Float = 0
    for k in 0..<count { total += v[k] * v[k] }
    return total.squareRoot()
}

/// 1 − cos between a[aStart ..< aStart + count] and b[bStart ..< bStart + count] (0 when either is zero).
func cosineDistance(_ a: [Float], _ aStart: Int, _ b: [Float], _ bStart: Int, count: Int) -> Float {
    var ab: Float = 0, aa: Float = 0, bb: Float = 0
    for k in 0..<count {
        let x = a[aStart + k], y = b[bStart + k]
        ab += x * y; aa += x * x; bb += y * y
    }
    let denominator = (aa * bb).squareRoot()
    return denominator > 0 ? 1 - ab / denominator : 0
}

/// Each row of an n × n matrix divided by its sum (rows summing to 0 are left as they are).
func normalisingRows(_ matrix: [Float], _ n: Int) -> [Float] {
    var m = matrix
    normaliseRows(&m, rows: n, columns: n)
    return m
}

/// Each row of a rows × columns matrix divided by its sum, in place (rows summing to 0 are left as they are).
func normaliseRows(_ m: inout [Float], rows: Int, columns: Int) {
    for i in 0..<rows {
        var total: Float = 0
        for j in 0..<columns { total += m[i * columns + j] }
        if total > 0 { for j in 0..<columns { m[i * columns + j] /= total } }
    }
}
