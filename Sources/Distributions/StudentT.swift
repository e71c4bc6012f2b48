import Foundation

/// Student's t distribution with `ν > 0` degrees of freedom (non-integer allowed; `ν = ∞`, and
/// any `ν > 1e25`, where the two agree to double precision, is the standard normal).
///
/// For `t ≥ 0`: `S(t) = ½ I_w(ν/2, ½)` and `F(t) − ½ = ½ I_y(½, ν/2)`, with
/// `w = ν/(ν + t²)` and `y = t²/(ν + t²)` each formed without cancellation (Abramowitz &
/// Stegun 26.7.1 / DLMF 8.17). Beyond `t² > 1e200·ν` the leading tail term
/// `S(t) = ½ (ν/t²)^{ν/2} / ((ν/2) B(ν/2, ½))` is used in logarithms, so `ν = 1` reaches
/// `S(1e300) ≈ 3e−301`. Quantiles: exact closed forms for `ν = 1, 2`; otherwise Hill's
/// approximation (Algorithm 396, CACM 13:619, 1970) refined by safeguarded Halley steps.
/// Matches `scipy.stats.t` to 1e−12 relative on the reference grid (mpmath where scipy is less
/// accurate).
public struct StudentT: ContinuousDistribution, Hashable {
    /// The degrees of freedom `ν`.
    public let degreesOfFreedom: Double

    /// Student's t with `degreesOfFreedom > 0` (may be `.infinity`).
    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "StudentT: degreesOfFreedom must be positive, got \(degreesOfFreedom)")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// Above this the t and normal distributions agree to double precision everywhere a tail
    /// probability is representable (relative gap ≈ t⁴/(4ν) ≤ 1e−20 for t ≤ 38.5).
    static let normalLimit = 1e25

    var isNormal: Bool { degreesOfFreedom > Self.normalLimit }

    /// `F(t) = P(T ≤ t)`.
    public func cdf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        if isNormal { return Normal.standardSurvival(-t) }
        if t < 0 { return tails(-t).upper }
        return 0.5 + tails(t).centered
    }

    /// `S(t) = P(T > t)`, computed directly.
    public func survival(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        if isNormal { return Normal.standardSurvival(t) }
        if t > 0 { return tails(t).upper }
        return 0.5 + tails(-t).centered
    }

    /// Density `(1 + t²/ν)^{−(ν+1)/2} / (√ν B(ν/2, ½))`.
    public func density(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        if isNormal { return Normal.standardDensity(t) }
        return exp(logDensity(abs(t)))
    }

    /// `F⁻¹(p)`: `−∞` at 0, `+∞` at 1, and `F⁻¹(p) = −S⁻¹(p)` by symmetry.
    public func quantile(_ p: Double) -> Double {
        ProbabilityArgument.check(p, "p", "StudentT.quantile")
        if p.isNaN { return .nan }
        if p < 0.5 { return -upperQuantile(p) }
        return upperQuantile(1 - p)  // exact for p ≥ ½ (Sterbenz)
    }

    /// `S⁻¹(q)`: the `t` with `P(T > t) = q`, full relative precision for tiny `q`.
    public func inverseSurvival(_ q: Double) -> Double {
        ProbabilityArgument.check(q, "q", "StudentT.inverseSurvival")
        if q.isNaN { return .nan }
        if q <= 0.5 { return upperQuantile(q) }
        return -upperQuantile(1 - q)
    }

    /// Two-sided p-value `2 S(|t|)` of a t statistic, as in coefficient tables.
    public func twoSidedPValue(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        return min(1, 2 * survival(abs(t)))
    }
}

extension StudentT {
    /// For `t ≥ 0`: the upper tail `S(t)` and the central mass `F(t) − ½ = ½ − S(t)`, each
    /// computed directly where it is the small one.
    func tails(_ t: Double) -> (upper: Double, centered: Double) {
        if isNormal {
            return (Normal.standardSurvival(t), 0.5 * erf(t * 0.707_106_781_186_547_524_40))
        }
        if t == 0 { return (0.5, 0) }
        if t == .infinity { return (0, 0.5) }
        let nu = degreesOfFreedom
        let a = 0.5 * nu
        // w = 1/(1 + t²/ν), y = (t²/ν)/(1 + t²/ν), built from whichever ratio is ≤ 1 so that
        // neither is formed as 1 − other and t² cannot overflow.
        let w: Double
        let y: Double
        let square = t * t
        if square.isFinite && square <= nu {
            let rho = square / nu
            w = 1 / (1 + rho)
            y = rho / (1 + rho)
        } else {
            let r = (nu / t) / t
            if r < 1e-200 {
                // Far tail: I_w(a, ½) = wᵃ y^½ / (a B(a, ½)) · (1 + O(w)), and w ≈ r.
                let logUpper = a * (log(nu) - 2 * log(t)) - log(a) - LogGamma.logBeta(a, 0.5)
                let upper = 0.5 * exp(logUpper)
                return (upper, 0.5 - upper)
            }
            w = r / (1 + r)
            y = 1 / (1 + r)
        }
        let ratios = IncompleteBeta.ratios(a, 0.5, x: w, y: y)
        return (0.5 * ratios.lower, 0.5 * ratios.upper)
    }

    /// `log f(t)` for `t ≥ 0`, with the constant `−log(√ν B(ν/2, ½))` free of cancellation.
    func logDensity(_ t: Double) -> Double {
        if isNormal { return log(Normal.standardDensity(t)) }
        let nu = degreesOfFreedom
        let constant = -LogGamma.logBeta(0.5 * nu, 0.5) - 0.5 * log(nu)
        let square = t * t
        let logKernel: Double
        if square.isFinite && square <= nu {
            logKernel = log1p(square / nu)
        } else {
            logKernel = 2 * log(t) - log(nu) + log1p((nu / t) / t)
        }
        return constant - 0.5 * (nu + 1) * logKernel
    }
}
