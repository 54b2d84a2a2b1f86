// GradientClipping: rescales all gradients together when their global L2 norm exceeds a limit.

/// Global-norm clipping (Pascanu et al. 2013), as `torch.nn.utils.clip_grad_norm_`:
/// ```
/// n = √(Σ g²)        if n > maxNorm:  g ← g · maxNorm / (n + 1e-6)
/// ```
/// Returns n before clipping (NaN or ∞ if any gradient is not finite; then nothing is scaled).
@discardableResult
public func clipGradientNorm(_ gradients: UnsafeMutablePointer<Float>, count: Int, maxNorm: Float,
                             threads: Int = 1) -> Float {
    let norm = gradientNorm(gradients, count: count, threads: threads)
    let scale = clippingScale(norm: norm, maxNorm: maxNorm)
    if scale != 1 {
        parallelChunks(count, threads: count > 1 << 16 ? threads : 1) { _, start, end in
            for j in start..<end { gradients[j] *= scale }
        }
    }
    return norm
}

/// The factor clipping multiplies the gradients by: maxNorm / (n + 1e-6) above the limit, else 1
/// (also 1 for a non-finite norm). Pass it to `Adam.update(gradientScale:)` to clip without a pass.
public func clippingScale(norm: Float, maxNorm: Float) -> Float {
    norm.isFinite && norm > maxNorm ? maxNorm / (norm + 1e-6) : 1
}

/// The global L2 norm √(Σ g²), summed in Float blocks of 4,096 added in Double, over `threads` threads.
public func gradientNorm(_ gradients: UnsafePointer<Float>, count: Int, threads: Int = 1) -> Float {
    let blocks = (count + 4095) / 4096
    var partials = [Double](repeating: 0, count: max(1, blocks))
    partials.withUnsafeMutableBufferPointer { sums in
        let sums = sums.baseAddress!
        parallelChunks(blocks, threads: count > 1 << 16 ? threads : 1) { _, start, end in
            for block in start..<end {
                let first = block * 4096, size = min(count, first + 4096) - first
                sums[block] = Double(dot(gradients + first, gradients + first, count: size))
            }
        }
    }
    return Float(partials.reduce(0, +).squareRoot())
}
