import Foundation

/// The regularized incomplete beta ratios `I_x(a, b)` and `1 − I_x(a, b) = I_y(b, a)`, `y = 1 − x`.
///
/// Callers pass `x` and `y` separately, each computed to full relative precision from their own
/// inputs (the t and F distributions know both), and may pass `λ = a − (a + b)x` computed from
/// their inputs: the factor `xᵃ yᵇ / B(a, b)` is as sensitive to `λ` as the answer is to `x`, and
/// for large `a, b` a rounded `x` would otherwise cost `λ·ε` relative (1e−11 at `a = b = 5e6` in
/// the far tail). Scheme from DiDonato & Morris (1992, ACM TOMS 18:360, `bratio`/`brcomp`/`bfrac`),
/// derived anew here from DLMF 8.17.22.
enum IncompleteBeta {
    /// `(I_x(a, b), 1 − I_x(a, b))` for `a, b > 0`, `x, y ≥ 0`, `x + y = 1`.
    static func ratios(
        _ a: Double, _ b: Double, x: Double, y: Double, lambda: Double? = nil
    ) -> (lower: Double, upper: Double) {
        if x <= 0 { return (0, 1) }
        if y <= 0 { return (1, 0) }
        let lambda = lambda ?? self.lambda(a, b, x: x, y: y)
        // The continued fraction converges fast (and its even part without cancellation) below
        // the mean; above it, use the symmetry I_x(a, b) = 1 − I_y(b, a) (NR §6.4).
        if x <= (a + 1) / (a + b + 2) {
            let lower = min(1, direct(a, b, x: x, y: y, lambda: lambda))
            return (lower, 1 - lower)
        }
        let upper = min(1, direct(b, a, x: y, y: x, lambda: -lambda))
        return (1 - upper, upper)
    }

    /// `I_x(a, b) = xᵃyᵇ/(a B(a, b)) · K` with `K` the continued fraction, for `x ≤ (a+1)/(a+b+2)`.
    private static func direct(_ a: Double, _ b: Double, x: Double, y: Double, lambda: Double) -> Double {
        factor(a, b, x: x, y: y, lambda: lambda) * continuedFraction(a, b, x: x, y: y, lambda: lambda) / a
    }

    /// `λ = a − (a + b)x`, formed with a single rounding (`fma`, with `a + b` split exactly) from
    /// whichever of `x`, `y` is smaller and so carries the smaller absolute error.
    static func lambda(_ a: Double, _ b: Double, x: Double, y: Double) -> Double {
        let sum = PreciseArithmetic.twoSum(a, b)
        if x <= y {
            return a.addingProduct(-sum.head, x) - sum.tail * x
        }
        return (-b).addingProduct(sum.head, y) + sum.tail * y  // (a + b)y − b
    }

    /// `xᵃ yᵇ / B(a, b)`.
    ///
    /// For `a, b ≥ 8`, Stirling's formula for `B` turns it into
    /// `√(ab / (2π(a+b))) · exp(−a·r(−λ/a) − b·r(λ/b) − [δ(a) + δ(b) − δ(a+b)])` with
    /// `r(e) = e − log(1 + e)`: the linear terms cancel analytically, leaving only small,
    /// accurately computable quantities (DiDonato & Morris 1992, `brcomp`). Otherwise
    /// `exp(a log x + b log y − log B(a, b))`, taking each logarithm from the accurate small
    /// complement (`log x = log1p(−y)` when `x > ½`).
    static func factor(_ a: Double, _ b: Double, x: Double, y: Double, lambda: Double) -> Double {
        if min(a, b) >= 8 {
            let e1 = -lambda / a  // x(a+b)/a − 1
            let e2 = lambda / b  // y(a+b)/b − 1
            let r1 = abs(e1) <= 0.5 ? -PreciseArithmetic.log1pmx(e1) : e1 - log(x / a * (a + b))
            let r2 = abs(e2) <= 0.5 ? -PreciseArithmetic.log1pmx(e2) : e2 - log(y / b * (a + b))
            let exponent = -(a * r1 + b * r2) - LogGamma.betaStirlingCorrection(a, b)
            let scale = (a / (a + b) * b / (2 * Double.pi)).squareRoot()
            return scale * exp(exponent)
        }
        let logX = x <= 0.5 ? log(x) : log1p(-y)
        let logY = y <= 0.5 ? log(y) : log1p(-x)
        return exp(a * logX + b * logY - LogGamma.logBeta(a, b))
    }

    /// The continued fraction of DLMF 8.17.22, `1/(1 + d₁/(1 + d₂/(1 + …)))`, in its even
    /// contraction `1/(β₀ + α₁/(β₁ + α₂/(β₂ + …)))` with `β₀ = 1 + d₁`, `αₘ = −d₂ₘ₋₁ d₂ₘ`,
    /// `βₘ = 1 + d₂ₘ + d₂ₘ₊₁`, evaluated by the modified Lentz method.
    ///
    /// Why the contraction: for large `a` and small `b` (Student t with 1e10 degrees of freedom)
    /// `d₂ₘ₊₁ ≈ −1`, and `1 + d₂ₘ₊₁` formed in floating point loses everything. Written with `λ`:
    /// `1 + d₂ₘ₊₁ = [a(1+λ) + m(2a + 3m + 2 + λ) + m(a+m)y] / ((a+2m)(a+2m+1))`, a sum of
    /// positive terms whenever `x ≤ (a+1)/(a+b+2)` (then `λ > −1`).
    static func continuedFraction(_ a: Double, _ b: Double, x: Double, y: Double, lambda: Double) -> Double {
        let tiny = 1e-300
        var value = (1 + lambda) / (a + 1)  // β₀ = 1 + d₁
        if abs(value) < tiny { value = tiny }
        var c = value
        var d = 0.0
        var m = 0.0
        while m < 1e8 {
            m += 1
            let dEven = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))  // d₂ₘ
            // d₂ₘ₋₁
            let dOddPrevious = -(a + m - 1) * (a + b + m - 1) * x / ((a + 2 * m - 2) * (a + 2 * m - 1))
            let onePlusOdd = (a * (1 + lambda) + m * (2 * a + 3 * m + 2 + lambda) + m * (a + m) * y)
                / ((a + 2 * m) * (a + 2 * m + 1))  // 1 + d₂ₘ₊₁
            let alpha = -dOddPrevious * dEven
            let beta = onePlusOdd + dEven
            d = beta + alpha * d
            if abs(d) < tiny { d = tiny }
            c = beta + alpha / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = c * d
            value *= delta
            if abs(delta - 1) <= 2 * Double.ulpOfOne { break }
        }
        return 1 / value
    }
}
