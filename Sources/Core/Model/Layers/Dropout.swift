// Dropout: seeded inverted dropout; the mask is the cache, and backward multiplies by it again.

/// Inverted dropout (Srivastava et al. 2014): each element is kept with probability 1 − p and
/// scaled by 1/(1 − p), so evaluation needs no rescaling.
/// ```
/// mask_i ∈ {0, 1/(1−p)}    y = x ⊙ mask    dx = dy ⊙ mask
/// ```
/// Masks come from a SplitMix64 stream, four 16-bit draws per 64-bit output (keep when draw ≥ p·2¹⁶),
/// so the same seed gives the same mask on every machine and for every thread count.
struct Dropout: Sendable {
    let probability: Float

    /// Fills `mask` [count] with 0 or 1/(1 − p).
    func makeMask(_ mask: UnsafeMutablePointer<Float>, count: Int, rng: inout SplitMix64) {
        let threshold = UInt64((probability * 65_536).rounded())
        let scale = 1 / (1 - probability)
        var i = 0
        while i < count {
            var bits = rng.next()
            for _ in 0..<4 where i < count {
                mask[i] = (bits & 0xFFFF) >= threshold ? scale : 0
                bits >>= 16
                i += 1
            }
        }
    }

    /// y = x ⊙ mask (y may be x).
    func forward(_ x: UnsafePointer<Float>, mask: UnsafePointer<Float>, count: Int,
                 into y: UnsafeMutablePointer<Float>) {
        for i in 0..<count { y[i] = x[i] * mask[i] }
    }

    /// dx = dy ⊙ mask (dx may be dy).
    func backward(_ dy: UnsafePointer<Float>, mask: UnsafePointer<Float>, count: Int,
                  dx: UnsafeMutablePointer<Float>) {
        for i in 0..<count { dx[i] = dy[i] * mask[i] }
    }
}

/// The residual sum after a dropped branch: s = x + branch ⊙ mask, or s = x + branch without a mask (evaluation, or
/// a rate of 0). Shared by the post-LN layers' two residual connections.
func residualSum(_ x: UnsafePointer<Float>, _ branch: UnsafePointer<Float>, mask: UnsafePointer<Float>?, count: Int,
                 into s: UnsafeMutablePointer<Float>) {
    if let mask {
        for i in 0..<count { s[i] = x[i] + branch[i] * mask[i] }
    } else {
        for i in 0..<count { s[i] = x[i] + branch[i] }
    }
}
