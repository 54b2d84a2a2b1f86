// FastExp: e^x in float32 without a library call, so that loops over it (GELU, its backward) vectorise.

/// e^x for x in [−87, 88] (clamped outside it), with relative error ≤ 2ε = 2.4·10⁻⁷ (ε = Float.ulpOfOne; tested on
/// a grid against `Foundation.exp` in Double): 1–3 ulps of the result, as many as the C library's. Cody–Waite reduction x = n·ln 2 + r with |r| ≤ ½ ln 2, e^r by its
/// degree-6 Taylor polynomial (truncation r⁷/7! ≤ 3.4·10⁻⁸ relative, about ¼ ulp), 2ⁿ built in the exponent bits.
/// Everything is arithmetic on the value and its bits, with no branch and no call: the C library's `expf` cannot be
/// inlined, and one call per element kept GELU's loops scalar (18 % of MiniLM's tracing time, BENCHMARKS.md).
@inline(__always)
func fastExp(_ x: Float) -> Float {
    let x = min(max(x, -87), 88)
    // Adding 1.5·2²³ rounds x·log₂e to the nearest integer n (the float's ulp there is 1) and leaves n + 127 in the
    // low mantissa bits; shifted 23 places left they are the exponent field of 2ⁿ (n ∈ [−126, 127]: a normal float).
    let magic: Float = 12_582_912 + 127
    let shifted = x * 1.442_695_04 + magic
    let n = shifted - magic
    let r = (x - n * 0.693_145_751_953_125) - n * 1.428_606_820_309_417e-6  // ln 2 split: n·ln2_hi is exact
    let p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720))))))
    return p * Float(bitPattern: shifted.bitPattern &<< 23)
}
