// Reductions: sums and dot products over Float buffers, 16 lanes at a time.
//
// Goals, in order: correct, then fast. A scalar Float reduction cannot be vectorised by the compiler
// (it may not reorder the additions); these accumulate 16 partial sums instead, a fixed order that
// is the same on every run.

/// Σ x[i], i < count.
@inline(__always)
func sum(_ x: UnsafePointer<Float>, count: Int) -> Float {
    var accumulator = SIMD16<Float>()
    var i = 0
    while i + 16 <= count {
        accumulator += UnsafeRawPointer(x + i).loadUnaligned(as: SIMD16<Float>.self)
        i += 16
    }
    var total = accumulator.sum()
    while i < count { total += x[i]; i += 1 }
    return total
}

/// Σ x[i]·y[i], i < count.
@inline(__always)
func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int) -> Float {
    var accumulator = SIMD16<Float>()
    var i = 0
    while i + 16 <= count {
        accumulator += UnsafeRawPointer(x + i).loadUnaligned(as: SIMD16<Float>.self)
            * UnsafeRawPointer(y + i).loadUnaligned(as: SIMD16<Float>.self)
        i += 16
    }
    var total = accumulator.sum()
    while i < count { total += x[i] * y[i]; i += 1 }
    return total
}

/// Σ (x[i] − shift)², i < count.
@inline(__always)
func sumOfSquaredDeviations(_ x: UnsafePointer<Float>, from shift: Float, count: Int) -> Float {
    var accumulator = SIMD16<Float>()
    let center = SIMD16<Float>(repeating: shift)
    var i = 0
    while i + 16 <= count {
        let d = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD16<Float>.self) - center
        accumulator += d * d
        i += 16
    }
    var total = accumulator.sum()
    while i < count { let d = x[i] - shift; total += d * d; i += 1 }
    return total
}

/// Σ x[i]·y[i]·z[i], i < count.
@inline(__always)
func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ z: UnsafePointer<Float>, count: Int) -> Float {
    var accumulator = SIMD16<Float>()
    var i = 0
    while i + 16 <= count {
        accumulator += UnsafeRawPointer(x + i).loadUnaligned(as: SIMD16<Float>.self)
            * UnsafeRawPointer(y + i).loadUnaligned(as: SIMD16<Float>.self)
            * UnsafeRawPointer(z + i).loadUnaligned(as: SIMD16<Float>.self)
        i += 16
    }
    var total = accumulator.sum()
    while i < count { total += x[i] * y[i] * z[i]; i += 1 }
    return total
}
