// GradientClipping: rescales all gradients together when their global L2 norm exceeds a limit.

/// Global-norm clipping (Pascanu et al. 2013), as `torch.nn.utils.clip_grad_norm_`:
/// ```
/// n = √(Σ g²)        if n > maxNorm:  g ← g · maxNorm / (n + 1e-6)
/// ```
/// Returns n before clipping (NaN or ∞ if any gradient is not finite; then nothing is scaled).
@discardableResult
public func clipGradientNorm(_ gradients: UnsafeMutablePointer<Float>, count: Int, maxNorm: Float) -> Float {
    var sum: Double = 0
    var i = 0
    while i < count {
        var partial: Float = 0
        let end = min(count, i + 4096)
        for j in i..<end { partial += gradients[j] * gradients[j] }
        sum += Double(partial)
        i = end
    }
    let norm = Float(sum.squareRoot())
    if norm.isFinite && norm > maxNorm {
        let scale = maxNorm / (norm + 1e-6)
        for j in 0..<count { gradients[j] *= scale }
    }
    return norm
}
