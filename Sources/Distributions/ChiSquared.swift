import Foundation

/// The chi-square distribution with `ν > 0` degrees of freedom (non-integer allowed).
///
/// `F(x) = P(ν/2, x/2)` and `S(x) = Q(ν/2, x/2)`, the regularized incomplete gamma ratios
/// (Abramowitz & Stegun 26.4.19), each computed directly. Quantiles start from the best of
/// Wilson–Hilferty (1931), the lower-tail power law `F(x) ≈ (x/2)^{ν/2}/Γ(ν/2 + 1)` and the
/// upper-tail gamma asymptote, refined by safeguarded Halley steps. Matches `scipy.stats.chi2`
/// to 1e−12 relative on the reference grid, including `ν = 1e5, 1e7`.
public struct ChiSquared: ContinuousDistribution, Hashable {
    /// The degrees of freedom `ν`.
    public let degreesOfFreedom: Double

    /// The chi-square distribution with `degreesOfFreedom > 0` (finite).
    public init(degreesOfFreedom: Double) {
        precondition(
            degreesOfFreedom > 0 && degreesOfFreedom.isFinite,
            "ChiSquared: degreesOfFreedom must be positive and finite, got \(degreesOfFreedom)")
        self.degreesOfFreedom = degreesOfFreedom
    }

    private var shape: Double { 0.5 * degreesOfFreedom }

    /// `F(x) = P(ν/2, x/2)`; 0 for `x ≤ 0`.
    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 { return 0 }
        if x < Self.tinyArgument { return tinyLowerTail(x) }
        return IncompleteGamma.ratios(shape, 0.5 * x).lower
    }

    /// `S(x) = Q(ν/2, x/2)`, computed directly; 1 for `x ≤ 0`.
    public func survival(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 { return 1 }
        if x < Self.tinyArgument { return 1 - tinyLowerTail(x) }
        return IncompleteGamma.ratios(shape, 0.5 * x).upper
    }

    /// Density `(x/2)^{ν/2−1} e^{−x/2} / (2 Γ(ν/2))`.
    public func density(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x < 0 || x == .infinity { return 0 }
        if x == 0 { return degreesOfFreedom < 2 ? .infinity : (degreesOfFreedom == 2 ? 0.5 : 0) }
        // f(x) = [(x/2)^a e^{−x/2} / Γ(a)] / x, with the bracket from the accurate prefactor.
        return IncompleteGamma.prefactor(shape, 0.5 * x) / x
    }

    /// `F⁻¹(p)`: 0 at `p = 0`, `+∞` at `p = 1`.
    public func quantile(_ p: Double) -> Double {
        ProbabilityArgument.check(p, "p", "ChiSquared.quantile")
        if p.isNaN { return .nan }
        if p <= 0.5 { return solve(lowerTail: p) }
        return solve(upperTail: 1 - p)  // exact for p ≥ ½
    }

    /// `S⁻¹(q)`, full relative precision for tiny `q`.
    public func inverseSurvival(_ q: Double) -> Double {
        ProbabilityArgument.check(q, "q", "ChiSquared.inverseSurvival")
        if q.isNaN { return .nan }
        if q <= 0.5 { return solve(upperTail: q) }
        return solve(lowerTail: 1 - q)
    }
}

extension ChiSquared {
    /// Below this `x/2` may be subnormal or zero, so the lower tail is taken from its leading term.
    static let tinyArgument = 1e-290

    /// `F(x) = (x/2)^{ν/2} / Γ(ν/2 + 1) · (1 + O(x))` in logarithms, for `x < 1e−290` (where the
    /// `O(x)` correction is far below rounding and `x/2` could underflow).
    private func tinyLowerTail(_ x: Double) -> Double {
        exp(shape * (log(x) - M_LN2) - LogGamma.logGamma(shape + 1))
    }

    /// The `x` with `F(x) = p`, `0 ≤ p ≤ ½`.
    private func solve(lowerTail p: Double) -> Double {
        if p == 0 { return 0 }
        let a = shape
        let guesses = [
            wilsonHilferty(normalDeviate: Normal.standardQuantile(p)),
            // F(x) ≤ (x/2)^a / Γ(a + 1), equality as x → 0.
            2 * exp((log(p) + LogGamma.logGamma(a + 1)) / a),
            degreesOfFreedom,  // the mean: a valid start whatever the approximations do
        ]
        return QuantileSolver.solve(equation(increasing: true, target: p), guesses: guesses)
    }

    /// The `x` with `S(x) = q`, `0 ≤ q ≤ ½`.
    private func solve(upperTail q: Double) -> Double {
        if q == 0 { return .infinity }
        let a = shape
        var guesses = [wilsonHilferty(normalDeviate: -Normal.standardQuantile(q)), degreesOfFreedom]
        // Q(a, z) ≈ z^{a−1} e^{−z} / Γ(a) for large z: a few fixed-point steps on
        // z = −log q − log Γ(a) + (a − 1) log z.
        var z = max(a, -log(q))
        for _ in 0..<4 {
            z = -log(q) - LogGamma.logGamma(a) + (a - 1) * log(z)
            if !(z > 0) { break }
        }
        if z > 0 { guesses.append(2 * z) }
        return QuantileSolver.solve(equation(increasing: false, target: q), guesses: guesses)
    }

    /// Wilson–Hilferty: `(X/ν)^{1/3}` is nearly normal with mean `1 − 2/(9ν)`, variance `2/(9ν)`.
    private func wilsonHilferty(normalDeviate z: Double) -> Double {
        let v = 2 / (9 * degreesOfFreedom)
        let base = 1 - v + z * v.squareRoot()
        return base > 0 ? degreesOfFreedom * base * base * base : .nan
    }

    private func equation(increasing: Bool, target: Double) -> QuantileEquation {
        let a = shape
        return QuantileEquation(
            increasing: increasing,
            target: target,
            function: { x in increasing ? self.cdf(x) : self.survival(x) },
            logDensity: { x in log(IncompleteGamma.prefactor(a, 0.5 * x)) - log(x) },
            densityElasticity: { x in a - 1 - 0.5 * x })
    }
}
