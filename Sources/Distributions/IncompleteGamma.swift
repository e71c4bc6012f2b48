import Foundation

/// The regularized incomplete gamma ratios `P(a, x)` and `Q(a, x) = 1 − P(a, x)`.
///
/// Methods (DiDonato & Morris 1986; Numerical Recipes 3rd ed. §6.2):
/// - `a < 1, x < 1.5`: `P = xᵃ/Γ(1+a) · (1 + a Σₙ≥₁ (−x)ⁿ/(n!(a+n)))` and
///   `Q = −expm1(u) − eᵘ a Σ…` with `u = a log x − log Γ(1+a)`, so `Q` keeps its relative
///   precision as `a → 0`;
/// - `x < a + 1`: the positive series `P = xᵃe⁻ˣ/Γ(a+1) · Σₙ xⁿ/((a+1)⋯(a+n))`;
/// - otherwise Legendre's continued fraction for `Q` (modified Lentz).
/// The prefactor `xᵃ e⁻ˣ / Γ(a)` comes from `prefactor(_:_:)`, accurate for huge `a`.
enum IncompleteGamma {
    /// `(P(a, x), Q(a, x))` for `a > 0`, `x ≥ 0`; the smaller one is never formed as `1 − other`
    /// except where the other is bounded away from 1.
    static func ratios(_ a: Double, _ x: Double) -> (lower: Double, upper: Double) {
        if x == 0 { return (0, 1) }
        if x == .infinity { return (1, 0) }
        if a < 1 && x < 1.5 { return smallShapeSeries(a, x) }
        if x < a + 1 {
            let lower = min(1, prefactor(a, x) / a * lowerSeriesSum(a, x))
            return (lower, 1 - lower)
        }
        let upper = min(1, prefactor(a, x) * upperContinuedFraction(a, x))
        return (1 - upper, upper)
    }

    /// `xᵃ e⁻ˣ / Γ(a)`.
    ///
    /// For `a ≥ 8`: `√(a/2π) · exp(a·(log(1+μ) − μ) − δ(a))` with `μ = (x − a)/a`, Temme's
    /// form of Stirling's formula (DiDonato & Morris 1986, eq. 2.4 ff.): no large logarithms
    /// cancel, so huge `a` (chi-square with 1e7 degrees of freedom) keeps full precision.
    static func prefactor(_ a: Double, _ x: Double) -> Double {
        if x == 0 { return 0 }
        if a < 8 { return exp(a * log(x) - x - LogGamma.logGamma(a)) }
        let mu = (x - a) / a  // x − a is exact near the mode (Sterbenz)
        let exponent: Double
        if abs(mu) <= 0.5 {
            exponent = a * PreciseArithmetic.log1pmx(mu)
        } else {
            // Far from the mode 1 + μ = x/a is better formed directly than from μ.
            exponent = a * log(x / a) - (x - a)
        }
        return (a / (2 * Double.pi)).squareRoot() * exp(exponent - LogGamma.stirlingCorrection(a))
    }

    /// `Σₙ≥₀ xⁿ / ((a+1)(a+2)⋯(a+n))`, all terms positive (used for `x < a + 1`).
    /// About `8√a` terms are needed when `x ≈ a`.
    private static func lowerSeriesSum(_ a: Double, _ x: Double) -> Double {
        var sum = 1.0
        var term = 1.0
        var denominator = a
        while true {
            denominator += 1
            term *= x / denominator
            sum += term
            if term <= sum * 1e-17 { return sum }
        }
    }

    /// Legendre's continued fraction for `Q(a, x) / (xᵃ e⁻ˣ / Γ(a))`,
    /// `1/(x+1−a − 1(1−a)/(x+3−a − 2(2−a)/(x+5−a − …)))`, by the modified Lentz method
    /// (Numerical Recipes §6.2, `gcf`). Converges for `x ≥ a + 1`.
    private static func upperContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var result = d
        var i = 0.0
        while i < 1e8 {
            i += 1
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) <= 2 * Double.ulpOfOne { break }
        }
        return result
    }

    /// Both ratios for `a < 1`, `x < 1.5` from DLMF 8.7.1 (`γ(a,x) = Σ (−1)ⁿ xᵃ⁺ⁿ / (n!(a+n))`),
    /// with `Q` formed as `−expm1(u) − eᵘ·a·T` so that nothing of size 1 cancels.
    private static func smallShapeSeries(_ a: Double, _ x: Double) -> (lower: Double, upper: Double) {
        // T = Σₙ≥₁ (−x)ⁿ / (n! (a + n)); x < 1.5 keeps the alternating terms small.
        var sum = 0.0
        var power = 1.0
        var n = 0.0
        while true {
            n += 1
            power *= -x / n
            let term = power / (a + n)
            sum += term
            if abs(term) <= 1e-17 * abs(sum) { break }
        }
        // u = log(xᵃ / Γ(1 + a)); log Γ(1 + a) via its series for a ≤ ½, else via Γ(1+a) = aΓ(a).
        let logGammaOnePlusA = a <= 0.5 ? LogGamma.logGammaOnePlus(a) : log(a) + LogGamma.logGammaOnePlus(a - 1)
        let u = a * log(x) - logGammaOnePlusA
        let scale = exp(u)
        let lower = scale * (1 + a * sum)
        let upper = -expm1(u) - scale * a * sum
        return (lower, upper)
    }
}
