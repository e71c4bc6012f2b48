import Foundation

/// The normal distribution `N(μ, σ²)`.
///
/// `S(x) = ½ erfc(z/√2)` with `z = (x − μ)/σ` for `z < 3`; beyond, `S(z) = φ(z)·R(z)` with
/// Mills' ratio `R(z) = 1/(z + 1/(z + 2/(z + 3/(z + …))))` (Laplace's continued fraction,
/// Abramowitz & Stegun 26.2.14) and `φ(z) = exp(−z²/2)/√(2π)` from an exactly split `z²`, so
/// tails keep full relative precision down to the underflow at `z ≈ 38.5` (`erfc` alone
/// would lose `z²·ε ≈ 1.5e−13` at `z = 37` through the rounding of `z/√2`). Quantiles use
/// Wichura's AS 241 (`PPND16`, Applied Statistics 37:477, 1988; about 1e−16 relative) polished
/// by one Halley step. Matches `scipy.stats.norm` to 1e−12 relative on the reference grid.
public struct Normal: ContinuousDistribution, Hashable {
    /// The mean `μ`.
    public let mean: Double
    /// The standard deviation `σ > 0`.
    public let standardDeviation: Double

    /// The normal distribution with the given mean and standard deviation (default: standard normal).
    public init(mean: Double = 0, standardDeviation: Double = 1) {
        precondition(mean.isFinite, "Normal: mean must be finite, got \(mean)")
        precondition(
            standardDeviation > 0 && standardDeviation.isFinite,
            "Normal: standardDeviation must be positive and finite, got \(standardDeviation)")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// `F(x) = Φ((x − μ)/σ)`.
    public func cdf(_ x: Double) -> Double {
        Self.standardSurvival((mean - x) / standardDeviation)
    }

    /// `S(x) = 1 − Φ((x − μ)/σ)`, computed directly.
    public func survival(_ x: Double) -> Double {
        Self.standardSurvival((x - mean) / standardDeviation)
    }

    /// Density `φ((x − μ)/σ)/σ`.
    public func density(_ x: Double) -> Double {
        Self.standardDensity((x - mean) / standardDeviation) / standardDeviation
    }

    /// `μ + σ Φ⁻¹(p)`; `−∞` at `p = 0`, `+∞` at `p = 1`.
    public func quantile(_ p: Double) -> Double {
        ProbabilityArgument.check(p, "p", "Normal.quantile")
        return mean + standardDeviation * Self.standardQuantile(p)
    }

    /// `μ − σ Φ⁻¹(q)`: the `x` with `S(x) = q`, exact in the far upper tail by symmetry.
    public func inverseSurvival(_ q: Double) -> Double {
        ProbabilityArgument.check(q, "q", "Normal.inverseSurvival")
        return mean - standardDeviation * Self.standardQuantile(q)
    }

    /// Two-sided p-value of `z`: `2 S(μ + |z − μ|)`, i.e. `2(1 − Φ(|z|))` for the standard normal,
    /// as in Wald tests of coefficients (capped at 1).
    public func twoSidedPValue(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        return min(1, 2 * Self.standardSurvival(abs(z - mean) / standardDeviation))
    }
}

extension Normal {
    /// Standard normal survival `1 − Φ(z)` to full relative precision for every `z`.
    static func standardSurvival(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        // Below 3 erfc's argument rounding costs at most z²·ε ≈ 1e−15.
        if z < 3 { return 0.5 * erfc(z * 0.707_106_781_186_547_524_40) }
        if z == .infinity { return 0 }
        return standardDensity(z) * millsRatio(z)
    }

    /// Standard normal density `exp(−z²/2)/√(2π)`.
    static func standardDensity(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        if z.isInfinite { return 0 }
        return 0.398_942_280_401_432_677_94 * PreciseArithmetic.expMinusHalfSquare(z)
    }

    /// Mills' ratio `(1 − Φ(z))/φ(z)` for `z ≥ 3` by Laplace's continued fraction (modified Lentz;
    /// 52 terms at `z = 3`, 7 at `z = 37`).
    static func millsRatio(_ z: Double) -> Double {
        var value = z
        var c = z
        var d = 0.0
        var n = 0.0
        while n < 500 {
            n += 1
            d = 1 / (z + n * d)
            c = z + n / c
            let delta = c * d
            value *= delta
            if abs(delta - 1) <= 2 * Double.ulpOfOne { break }
        }
        return 1 / value
    }

    /// `Φ⁻¹(p)`: AS 241 followed by one Halley step on the residual that is exact at this `p`
    /// (`½ erf(z/√2) − (p − ½)` near the centre, the small tail probability outside).
    static func standardQuantile(_ p: Double) -> Double {
        if p.isNaN { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let z = wichuraAS241(p)
        // Below the smallest normal double, φ(z) and the residual are subnormal: keep AS 241.
        if min(p, 1 - p) < 1e-300 { return z }
        let residual: Double  // Φ(z) − p
        if abs(p - 0.5) <= 0.25 {
            residual = 0.5 * erf(z * 0.707_106_781_186_547_524_40) - (p - 0.5)  // p − ½ exact here
        } else if p < 0.5 {
            residual = standardSurvival(-z) - p
        } else {
            residual = (1 - p) - standardSurvival(z)  // 1 − p exact (Sterbenz)
        }
        let newton = residual / standardDensity(z)
        // Halley for Φ: φ′/φ = −z, so z₁ = z − Δ / (1 + zΔ/2).
        return z - newton / (1 + 0.5 * z * newton)
    }
}
