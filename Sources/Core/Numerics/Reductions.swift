// Reductions: sums and dot products over Float buffers, 16 lanes at a time.
//
// Goals, in order: correct, then fast. A scalar Float reduction cannot be vectorised by the compiler
// (it may not reorder the additions); these accumulate 16 partial sums instead, a fixed order that
// is the same on every run.

/// Σ x[i], i < count.
@inline(__always)
func sum(_ x: UnsafePointer<Float>, count: Int) -> Float {
    reduce(count: count, { lanes(x, $0) }, { x[$0] })
}

/// Σ x[i]·y[i], i < count.
@inline(__always)
func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int) -> Float {
    reduce(count: count, { lanes(x, $0) * lanes(y, $0) }, { x[$0] * y[$0] })
}

/// Σ x[i]·y[i]·z[i], i < count.
@inline(__always)
func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ z: UnsafePointer<Float>, count: Int) -> Float {
    reduce(count: count, { lanes(x, $0) * lanes(y, $0) * lanes(z, $0) }, { x[$0] * y[$0] * z[$0] })
}

/// Σ (x[i] − shift)², i < count.
@inline(__always)
func sumOfSquaredDeviations(_ x: UnsafePointer<Float>, from shift: Float, count: Int) -> Float {
    reduce(count: count, { let d = lanes(x, $0) - shift; return d * d }, { let d = x[$0] - shift; return d * d })
}

/// x[i ..< i + 16].
@inline(__always)
private func lanes(_ x: UnsafePointer<Float>, _ i: Int) -> SIMD16<Float> {
    UnsafeRawPointer(x + i).loadUnaligned(as: SIMD16<Float>.self)
}

/// Σ over 16-lane blocks of `block(i)` (lane-wise partial sums), then the scalar tail `element(i)`.
@inline(__always)
private func reduce(count: Int, _ block: (Int) -> SIMD16<Float>, _ element: (Int) -> Float) -> Float {
    var accumulator = SIMD16<Float>()
    var i = 0
    while i + 16 <= count {
        accumulator += block(i)
        i += 16
    }
    var total = accumulator.sum()
    while i < count {
        total += element(i)
        i += 1
    }
    return total
}
