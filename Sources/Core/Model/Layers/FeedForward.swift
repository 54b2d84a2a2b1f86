// FeedForward: the position-wise D → F → ReLU → D network, with its backward right below.

/// Position-wise feed-forward network (Vaswani et al. 2017, §3.3), applied to every row.
/// ```
/// h = ReLU(x·W₁ᵀ + b₁)   [B·T, F]  (cached)      y = h·W₂ᵀ + b₂   [B·T, D]
/// dh = (dy·W₂) ⊙ [h > 0]          dx (+)= dh·W₁
/// ```
struct FeedForward: Sendable {
    let inner: Linear
    let outer: Linear

    init(_ name: String, modelWidth: Int, innerWidth: Int, layout: inout ParameterLayout) {
        inner = Linear(name + ".inner", input: modelWidth, output: innerWidth, layout: &layout)
        outer = Linear(name + ".outer", input: innerWidth, output: modelWidth, layout: &layout)
    }

    func initialize(_ p: UnsafeMutablePointer<Float>, rng: inout SplitMix64) {
        inner.initialize(p, rng: &rng)
        outer.initialize(p, rng: &rng)
    }

    /// x [rows, D] → y [rows, D]; `hidden` [rows, F] keeps ReLU's output for backward.
    func forward(_ x: UnsafePointer<Float>, rows: Int, parameters p: UnsafePointer<Float>,
                 hidden: UnsafeMutablePointer<Float>, into y: UnsafeMutablePointer<Float>, threads: Int = 1) {
        inner.forward(x, rows: rows, parameters: p, into: hidden, threads: threads)
        relu(hidden, count: rows * inner.output)
        outer.forward(hidden, rows: rows, parameters: p, into: y, threads: threads)
    }

    /// dy [rows, D] → dx [rows, D] (added to when `accumulateInput`); `dHidden` [rows, F] is work space.
    func backward(_ dy: UnsafePointer<Float>, x: UnsafePointer<Float>, hidden: UnsafePointer<Float>,
                  rows: Int, parameters p: UnsafePointer<Float>, gradients g: UnsafeMutablePointer<Float>?,
                  dHidden: UnsafeMutablePointer<Float>, dx: UnsafeMutablePointer<Float>, accumulateInput: Bool,
                  threads: Int = 1) {
        outer.backward(dy, x: hidden, rows: rows, parameters: p, gradients: g, dx: dHidden, threads: threads)
        reluBackward(dHidden, output: hidden, count: rows * inner.output)
        inner.backward(dHidden, x: x, rows: rows, parameters: p, gradients: g, dx: dx,
                       accumulateInput: accumulateInput, threads: threads)
    }
}

/// In place: x = max(x, 0).
func relu(_ x: UnsafeMutablePointer<Float>, count: Int) {
    for i in 0..<count where x[i] < 0 { x[i] = 0 }
}

/// In place: dy = dy ⊙ [y > 0], where y is ReLU's output.
func reluBackward(_ dy: UnsafeMutablePointer<Float>, output y: UnsafePointer<Float>, count: Int) {
    for i in 0..<count where !(y[i] > 0) { dy[i] = 0 }
}
