// Adam: the adaptive-moment optimiser as one flat loop over the parameter arena.
import Foundation

/// Adam (Kingma & Ba 2015, arXiv:1412.6980) with optional decoupled weight decay (AdamW,
/// Loshchilov & Hutter 2019) and a per-tensor learning-rate multiplier. Per scalar, at step t:
/// ```
/// m = β₁m + (1−β₁)g    v = β₂v + (1−β₂)g²    m̂ = m/(1−β₁ᵗ)    v̂ = v/(1−β₂ᵗ)
/// θ ← θ − lr·k·(m̂/(√v̂ + ε) + λθ)        (k: the tensor's multiplier, λ: weight decay)
/// ```
/// The moments share the parameter arena's layout.
public struct Adam: Sendable {
    public var beta1: Float = 0.9
    public var beta2: Float = 0.999
    public var epsilon: Float = 1e-8
    public var weightDecay: Float = 0
    public private(set) var step = 0
    var m: [Float]
    var v: [Float]
    /// (offset, count, multiplier, decays) runs covering the arena.
    let runs: [(offset: Int, count: Int, multiplier: Float, decays: Bool)]

    /// (offset, count) runs that are never updated: their gradients are only set to zero.
    let frozen: [(offset: Int, count: Int)]

    /// `multipliers` maps tensor-name prefixes to learning-rate factors (e.g. `["embedding.": 10]`).
    /// `trainableScalars` maps a tensor name to how many of its leading scalars are updated; the rest are frozen
    /// (e.g. embedding rows of words no training example contains: their gradient is always zero, so without
    /// weight decay Adam would leave them as they are anyway, and skipping them saves the pass over them).
    /// `decayExempt` names the tensors weight decay leaves alone (fine-tuning exempts biases and LayerNorm scales,
    /// as Hugging Face's `Trainer` and the BERT recipe do).
    public init(layout: ParameterLayout, weightDecay: Float = 0, multipliers: [String: Float] = [:],
                trainableScalars: [String: Int] = [:], decayExempt: (String) -> Bool = { _ in false }) {
        self.weightDecay = weightDecay
        m = [Float](repeating: 0, count: layout.count)
        v = [Float](repeating: 0, count: layout.count)
        var runs: [(offset: Int, count: Int, multiplier: Float, decays: Bool)] = []
        var frozen: [(offset: Int, count: Int)] = []
        for entry in layout.entries {
            let factor = multipliers.first { entry.name.hasPrefix($0.key) }?.value ?? 1
            let trainable = min(entry.count, max(0, trainableScalars[entry.name] ?? entry.count))
            runs.append((entry.offset, trainable, factor, !decayExempt(entry.name)))
            if trainable < entry.count { frozen.append((entry.offset + trainable, entry.count - trainable)) }
        }
        self.runs = runs
        self.frozen = frozen
    }

    /// One update of `parameters` from `gradients` (both `count` scalars in layout order).
    /// With `zeroingGradients`, each gradient is set to 0 once read, which saves the separate pass
    /// of `zeroGradients()` before the next backward (the arena is memory-bound: 8.8 M scalars).
    /// `gradientScale` multiplies every gradient first (global-norm clipping without a separate pass).
    public mutating func update(parameters: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>,
                                learningRate: Float, gradientScale: Float = 1, zeroingGradients: Bool = false,
                                threads: Int = 1) {
        step += 1
        let b1 = beta1, b2 = beta2, eps = epsilon, decay = weightDecay
        let correction1 = 1 - Float(pow(Double(b1), Double(step)))
        let correction2 = 1 - Float(pow(Double(b2), Double(step)))
        let runs = self.runs
        m.withUnsafeMutableBufferPointer { mBuffer in
            v.withUnsafeMutableBufferPointer { vBuffer in
                let mp = mBuffer.baseAddress!, vp = vBuffer.baseAddress!
                for run in runs where run.count > 0 {
                    let lr = learningRate * run.multiplier
                    let stepSize = lr / correction1
                    let rootCorrection2 = correction2.squareRoot()
                    parallelChunks(run.count, threads: run.count > 65_536 ? threads : 1) { _, start, end in
                        Self.kernel(parameters + run.offset, gradients + run.offset, mp + run.offset, vp + run.offset,
                                    range: start..<end, beta1: b1, beta2: b2, stepSize: stepSize,
                                    rootCorrection2: rootCorrection2, epsilon: eps, decay: run.decays ? lr * decay : 0,
                                    scale: gradientScale, zeroing: zeroingGradients)
                    }
                }
            }
        }
        if zeroingGradients {
            for run in frozen { (gradients + run.offset).update(repeating: 0, count: run.count) }
        }
    }

    /// The update over `range`, 16 lanes at a time (explicit SIMD: the pointers may alias as far as the
    /// compiler knows, which keeps it from vectorising the scalar loop), then a scalar tail.
    @inline(__always)
    static func kernel(_ p: UnsafeMutablePointer<Float>, _ g: UnsafeMutablePointer<Float>, _ m: UnsafeMutablePointer<Float>,
                       _ v: UnsafeMutablePointer<Float>, range: Range<Int>, beta1: Float, beta2: Float, stepSize: Float,
                       rootCorrection2: Float, epsilon: Float, decay: Float, scale: Float, zeroing: Bool) {
        typealias V = SIMD16<Float>
        var i = range.lowerBound
        while i + 16 <= range.upperBound {
            let gi = UnsafeRawPointer(g + i).loadUnaligned(as: V.self) * scale
            let mi = beta1 * UnsafeRawPointer(m + i).loadUnaligned(as: V.self) + (1 - beta1) * gi
            let vi = beta2 * UnsafeRawPointer(v + i).loadUnaligned(as: V.self) + (1 - beta2) * gi * gi
            let pi = UnsafeRawPointer(p + i).loadUnaligned(as: V.self)
            let denominator = vi.squareRoot() / rootCorrection2 + epsilon
            UnsafeMutableRawPointer(m + i).storeBytes(of: mi, as: V.self)
            UnsafeMutableRawPointer(v + i).storeBytes(of: vi, as: V.self)
            UnsafeMutableRawPointer(p + i).storeBytes(of: pi - stepSize * mi / denominator - decay * pi, as: V.self)
            if zeroing { UnsafeMutableRawPointer(g + i).storeBytes(of: V(repeating: 0), as: V.self) }
            i += 16
        }
        while i < range.upperBound {
            let gi = g[i] * scale
            let mi = beta1 * m[i] + (1 - beta1) * gi
            let vi = beta2 * v[i] + (1 - beta2) * gi * gi
            m[i] = mi
            v[i] = vi
            p[i] -= stepSize * mi / (vi.squareRoot() / rootCorrection2 + epsilon) + decay * p[i]
            if zeroing { g[i] = 0 }
            i += 1
        }
    }
}
