import Foundation

extension FDistribution {
    /// The `f` with `F(f) = p`, `0 ≤ p ≤ ½`.
    func solve(lowerTail p: Double) -> Double {
        if p == 0 { return 0 }
        // I_x(a, b) ≈ xᵃ / (a B(a, b)) as x → 0, and f ≈ (ν₂/ν₁) x/(1 − x).
        let x = exp((log(p) + log(a) + LogGamma.logBeta(a, b)) / a)
        let powerTail = denominatorDegreesOfFreedom / numeratorDegreesOfFreedom * x / (1 - x)
        // f = 1 (the median region) is always a valid start when the approximations fail (ν₁ ≤ 1).
        let guesses = [normalApproximation(upperDeviate: Normal.standardQuantile(p)), powerTail, 1]
        return QuantileSolver.solve(equation(increasing: true, target: p), guesses: guesses)
    }

    /// The `f` with `S(f) = q`, `0 ≤ q ≤ ½`.
    func solve(upperTail q: Double) -> Double {
        if q == 0 { return .infinity }
        // I_y(b, a) ≈ yᵇ / (b B(a, b)) as y → 0, and f = (ν₂/ν₁)(1 − y)/y.
        let y = exp((log(q) + log(b) + LogGamma.logBeta(a, b)) / b)
        let powerTail = denominatorDegreesOfFreedom / numeratorDegreesOfFreedom * (1 - y) / y
        let guesses = [normalApproximation(upperDeviate: -Normal.standardQuantile(q)), powerTail, 1]
        return QuantileSolver.solve(equation(increasing: false, target: q), guesses: guesses)
    }

    /// Abramowitz & Stegun 26.6.16: `F ≈ e^{2w}`, `w = z√(h + λ)/h − (1/(ν₁−1) − 1/(ν₂−1))(λ + 5/6 − 2/(3h))`,
    /// `h = 2/(1/(ν₁−1) + 1/(ν₂−1))`, `λ = (z² − 3)/6`, `z` the upper normal deviate.
    /// Defined for `ν₁, ν₂ > 1`; `NaN` otherwise (the solver then skips it).
    private func normalApproximation(upperDeviate z: Double) -> Double {
        guard numeratorDegreesOfFreedom > 1 && denominatorDegreesOfFreedom > 1 else { return .nan }
        let s = 1 / (numeratorDegreesOfFreedom - 1)
        let t = 1 / (denominatorDegreesOfFreedom - 1)
        let h = 2 / (s + t)
        let lambda = (z * z - 3) / 6
        guard h + lambda > 0 else { return .nan }
        let w = z * (h + lambda).squareRoot() / h - (s - t) * (lambda + 5.0 / 6 - 2 / (3 * h))
        return exp(2 * w)
    }

    private func equation(increasing: Bool, target: Double) -> QuantileEquation {
        let a = self.a
        let b = self.b
        return QuantileEquation(
            increasing: increasing,
            target: target,
            function: { f in increasing ? self.cdf(f) : self.survival(f) },
            logDensity: { f in
                let arguments = self.betaArguments(f)
                return a * log(arguments.x) + b * log(arguments.y) - LogGamma.logBeta(a, b) - log(f)
            },
            densityElasticity: { f in a - 1 - (a + b) * self.betaArguments(f).x })
    }
}
