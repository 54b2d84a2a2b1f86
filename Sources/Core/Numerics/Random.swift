// Random: a seeded SplitMix64 generator, passed explicitly wherever randomness is needed.
import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast, statistically solid 64-bit generator.
/// The same seed gives the same sequence on every machine, which keeps builds byte-identical.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform Float in [0, 1) with 24 random bits.
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * (1.0 / 16_777_216.0)
    }

    /// A uniform Double in [0, 1) with 53 random bits.
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A standard normal sample (Box–Muller; the second value is discarded for simplicity).
    public mutating func nextNormal() -> Float {
        var u1 = nextUnitDouble()
        if u1 < 1e-300 { u1 = 1e-300 }
        let u2 = nextUnitDouble()
        return Float((-2.0 * log(u1)).squareRoot() * cos(2.0 * Double.pi * u2))
    }

    /// A generator for an independent stream, derived deterministically from this one's seed.
    public func split(_ stream: UInt64) -> SplitMix64 {
        var g = SplitMix64(seed: state ^ (stream &* 0xD1B5_4A32_D192_ED03))
        _ = g.next()
        return g
    }
}

