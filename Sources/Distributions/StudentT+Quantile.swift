import Foundation

extension StudentT {
    /// The `t > 0` with `S(t) = q`, for `0 ≤ q ≤ ½`.
    func upperQuantile(_ q: Double) -> Double {
        if q == 0 { return .infinity }
        if q == 0.5 { return 0 }
        if isNormal { return -Normal.standardQuantile(q) }
        let nu = degreesOfFreedom
        if nu == 1 {
            // Cauchy: S(t) = ½ − atan(t)/π, so t = cot(πq) = tan(π(½ − q)); ½ − q is exact for q ≥ ¼.
            return q < 0.25 ? 1 / tan(Double.pi * q) : tan(Double.pi * (0.5 - q))
        }
        if nu == 2 {
            // S(t) = ½(1 − t/√(2 + t²))  ⇒  t = (1 − 2q)/√(2q(1 − q)).
            return 2 * (0.5 - q) / (2 * q * (1 - q)).squareRoot()
        }
        let guesses = [hillApproximation(twoSided: 2 * q), powerTailApproximation(q), 1]
        // In the body solve F(t) − ½ = ½ − q (exact for q ≥ ¼), so small t keep relative precision.
        let central = q >= 0.25
        let equation = QuantileEquation(
            increasing: central,
            target: central ? 0.5 - q : q,
            function: { t in central ? self.tails(t).centered : self.tails(t).upper },
            logDensity: { t in self.logDensity(t) },
            densityElasticity: { t in -(nu + 1) * t * t / (nu + t * t) })
        return QuantileSolver.solve(equation, guesses: guesses)
    }

    /// Hill's approximation to the upper `P/2` point (Algorithm 396, CACM 13:619, 1970), written
    /// from the published formulas: a Cornish–Fisher-type expansion about the normal in the body,
    /// a series in `y = (d·P)^{2/ν}` in the tail. `y` is formed in logarithms so that tiny `P`
    /// does not underflow it. Good to 1e−4 relative or better for `ν ≥ 2.5` (used only as a
    /// starting point).
    func hillApproximation(twoSided p: Double) -> Double {
        let n = degreesOfFreedom
        let a = 1 / (n - 0.5)
        let b = 48 / (a * a)
        var c = ((20700 * a / b - 98) * a - 16) * a + 96.36
        let d = ((94.5 / (b + c) - 3) / b + 1) * (a * Double.pi / 2).squareRoot() * n
        let logY = 2 / n * log(d * p)
        var y = exp(logY)
        if y > 0.05 + a || (n < 2.1 && p > 0.5) {
            // Expansion about the normal deviate (Hill uses the lower-tail deviate, x < 0).
            let x = Normal.standardQuantile(0.5 * p)
            y = x * x
            if n < 5 { c += 0.3 * (n - 4.5) * (x + 0.6) }
            c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c
            y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x
            y = expm1(a * y * y)
            return (n * y).squareRoot()
        }
        if y < 1e-30 {
            // Tail series reduces to t ≈ √(ν/y): stay in logarithms.
            return exp(0.5 * (log(n) - logY))
        }
        y = ((1 / (((n + 6) / (n * y) - 0.089 * d - 0.822) * (n + 2) * 3) + 0.5 / (n + 4)) * y - 1)
            * (n + 1) / (n + 2) + 1 / y
        return (n * y).squareRoot()
    }

    /// Leading tail term: `S(t) ≈ ν^{ν/2 − 1} t^{−ν} / B(ν/2, ½)` solved for `t`.
    func powerTailApproximation(_ q: Double) -> Double {
        let nu = degreesOfFreedom
        let logT = 0.5 * log(nu) + (-log(nu) - LogGamma.logBeta(0.5 * nu, 0.5) - log(q)) / nu
        return exp(logT)
    }
}
