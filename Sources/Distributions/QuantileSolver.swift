import Foundation

/// Safeguarded Halley iteration for quantiles, in `u = log x` on `h(u) = log(G(x)/target)`.
///
/// Why this form: in `log x` and `log G` the tails of all four distributions are nearly
/// straight lines (power tails exactly, Gaussian tails nearly quadratic), so Newton and Halley
/// steps from a rough start behave well; and the residual `log(G/target)` is computed from
/// `G − target` (exact when close, by Sterbenz), so the root is as accurate as `G` itself.
/// With `r = x f / G` and `s = ±1` for increasing/decreasing `G`:
/// `h′ = s r`, `h″ = s r (1 + x f′/f − s r)`, step `Δu = −(h/h′) / (1 + (−h/h′) h″ / (2h′))`
/// (Halley), falling back to Newton when the correction is large, to bisection in `log x`
/// when a step leaves the bracket kept from the signs of `h`.
enum QuantileSolver {
    /// Largest step in `log x` (a factor e²⁰): enough to cross the double range in ~35 steps
    /// from a poor start, small enough that a wild first Halley step cannot jump past it.
    static let maximumStep = 20.0

    /// The root `x > 0`, starting from whichever of `guesses` has the smallest residual.
    static func solve(_ equation: QuantileEquation, guesses: [Double]) -> Double {
        var start: (x: Double, h: Double, g: Double)?
        for guess in guesses where guess.isFinite && guess > 0 {
            let g = equation.function(guess)
            let h = residual(g, equation.target)
            if h.isNaN { continue }
            if start == nil || abs(h) < abs(start!.h) { start = (guess, h, g) }
        }
        guard var (x, h, g) = start else {
            preconditionFailure("QuantileSolver needs at least one finite positive guess")
        }
        var lower = 0.0
        var upper = Double.infinity
        for _ in 0..<300 {
            if h == 0 { return x }
            let rootAbove = (h < 0) == equation.increasing
            if rootAbove { lower = x } else { upper = x }
            var step: Double
            var converging = false
            if g > 0 && h.isFinite {
                let sign: Double = equation.increasing ? 1 : -1
                let ratio = exp(log(x) + equation.logDensity(x) - log(g))  // r = x f / G
                let slope = sign * ratio
                let newton = -h / slope
                let curvature = slope * (1 + equation.densityElasticity(x) - sign * ratio)
                let halley = 1 + newton * curvature / (2 * slope)
                step = (halley > 0.5 && halley < 2) ? newton / halley : newton
                step = max(-maximumStep, min(maximumStep, step))
                converging = abs(step) < 1e-9
            } else {
                // G underflowed: walk back towards the body of the distribution.
                step = rootAbove ? 2 : -2
            }
            var next = x * exp(step)
            // Inclusive: a converged step may land exactly on the bracket end it came from.
            let inside = next >= lower && next <= upper && next.isFinite && next > 0
            if converging && inside { return next }
            if !inside {
                if lower > 0 && upper.isFinite {
                    next = lower.squareRoot() * upper.squareRoot()  // bisection in log x
                } else {
                    // Half-open bracket: move towards the open end, clamped to the double range.
                    next = x * exp(rootAbove ? max(abs(step), 1) : -max(abs(step), 1))
                    if x == .greatestFiniteMagnitude && rootAbove { return .infinity }
                    if x == .leastNonzeroMagnitude && !rootAbove { return 0 }
                    if !next.isFinite { next = .greatestFiniteMagnitude }
                    if next == 0 { next = .leastNonzeroMagnitude }
                }
            }
            if lower > 0 && upper.isFinite && upper / lower - 1 <= 4 * Double.ulpOfOne { return next }
            x = next
            g = equation.function(x)
            h = residual(g, equation.target)
            if h.isNaN { return .nan }
        }
        return x
    }

    /// `log(G/target)`, `−∞` when `G` underflowed.
    private static func residual(_ g: Double, _ target: Double) -> Double {
        if g.isNaN { return .nan }
        if g <= 0 { return -.infinity }
        return PreciseArithmetic.logRatio(g, target)
    }
}
