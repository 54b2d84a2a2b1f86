// Distributions: the standard normal, Student's t and Fisher's F — CDF, survival function and quantile.
import Foundation

/// The standard normal distribution N(0, 1).
///
/// ```
/// Φ(z) = ½ erfc(−z/√2),      S(z) = 1 − Φ(z) = ½ erfc(z/√2)
/// ```
/// Both are computed from `erfc`, so each keeps its relative accuracy in its own tail.
public enum Normal {
    public static func cdf(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    public static func sf(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

    /// The quantile Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation (relative error 1.15e-9),
    /// refined by one Halley step on the tail that `p` lies in, which brings it to ~1e-15.
    public static func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "normal quantile needs p in (0, 1), got \(p)")
        if p > 0.5 { return -quantile(1 - p) }
        // Lower region p ≤ 0.5: Acklam's coefficients.
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        var x: Double
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        // Halley refinement: e = Φ(x) − p, u = e / φ(x).
        for _ in 0..<2 {
            let e = cdf(x) - p
            let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
            x -= u / (1 + x * u / 2)
        }
        return x
    }
}

/// Student's t distribution with ν > 0 degrees of freedom.
///
/// ```
/// S(t) = ½ I_{ν/(ν+t²)}(ν/2, ½)   for t ≥ 0,      F(t) = 1 − S(t),      F(−t) = S(t)
/// ```
/// where I is the regularised incomplete beta function (Abramowitz & Stegun 26.7.1).
public enum StudentT {
    public static func sf(_ t: Double, df: Double) -> Double {
        precondition(df > 0 && t.isFinite, "t distribution needs df > 0 and finite t: df=\(df) t=\(t)")
        let t2 = t * t
        let tail = 0.5 * regularizedIncompleteBeta(a: df / 2, b: 0.5, x: df / (df + t2), y: t2 / (df + t2)).lower
        return t >= 0 ? tail : 1 - tail
    }

    public static func cdf(_ t: Double, df: Double) -> Double { sf(-t, df: df) }

    /// Two-sided p-value P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, ½).
    public static func twoSidedPValue(_ t: Double, df: Double) -> Double {
        min(1, 2 * sf(abs(t), df: df))
    }

    /// The quantile F⁻¹(p) for p in (0, 1), by bisection on the tail that `p` lies in.
    public static func quantile(_ p: Double, df: Double) -> Double {
        precondition(p > 0 && p < 1, "t quantile needs p in (0, 1), got \(p)")
        if p == 0.5 { return 0 }
        let tail = min(p, 1 - p)
        var high = 1.0
        while sf(high, df: df) > tail { high *= 2 }
        let t = bisectDecreasing(tail, low: 0, high: high) { sf($0, df: df) }
        return p < 0.5 ? -t : t
    }
}

/// Fisher's F distribution with d₁, d₂ > 0 degrees of freedom.
///
/// ```
/// F(f) = I_{d₁f/(d₁f+d₂)}(d₁/2, d₂/2),      S(f) = I_{d₂/(d₁f+d₂)}(d₂/2, d₁/2)
/// ```
public enum FisherF {
    public static func sf(_ f: Double, df1: Double, df2: Double) -> Double {
        precondition(df1 > 0 && df2 > 0 && f.isFinite, "F distribution needs df > 0 and finite f")
        if f <= 0 { return 1 }
        let denominator = df1 * f + df2
        return regularizedIncompleteBeta(a: df1 / 2, b: df2 / 2, x: df1 * f / denominator, y: df2 / denominator).upper
    }

    public static func cdf(_ f: Double, df1: Double, df2: Double) -> Double {
        precondition(df1 > 0 && df2 > 0 && f.isFinite, "F distribution needs df > 0 and finite f")
        if f <= 0 { return 0 }
        let denominator = df1 * f + df2
        return regularizedIncompleteBeta(a: df1 / 2, b: df2 / 2, x: df1 * f / denominator, y: df2 / denominator).lower
    }
}
