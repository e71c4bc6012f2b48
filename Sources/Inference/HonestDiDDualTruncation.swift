/// Truncation bounds `[v_lo, v_up]` of the ARP statistic at a degenerate dual vertex, by the
/// bisection of Andrews, Roth & Pakes (2023), Appendix D, Algorithm 1.
///
/// With `γ̂` the dual vertex, `b = Σγ̂/γ̂ᵀΣγ̂` and `s = y − b γ̂ᵀy`, the value `c` lies in the
/// conditioning event iff `c = max_λ (s + b c)ᵀλ` over the dual feasible set `[σ X]ᵀλ = e₁`, `λ ≥ 0`.
/// From a start where that fails, a few fixed-point steps `c ← sᵀλ/(1 − bᵀλ)` jump to the
/// boundary; when they do not settle within 10 steps, bisection between `η̂` and the last step
/// finds it to 1e-6. Start points, step counts and tolerances are those of
/// `HonestDiD:::.vlo_vup_dual_fn`, so that accept/reject decisions agree with the reference.
struct HonestDiDDualTruncation {
    let test: HonestDiDMomentTest
    /// `s`.
    let residual: [Double]
    /// `b`.
    let direction: [Double]
    let eta: Double
    let sd: Double

    private static let bisectionTolerance = 1e-6
    private static let equalityTolerance = 1e-6
    private static let switchIterations = 10
    private static let maximumIterations = 10_000

    init(test: HonestDiDMomentTest, moments y: [Double], vertex: [Double], eta: Double) {
        let sigmaGamma = HonestDiDDense.times(test.covariance, vertex)
        let variance = HonestDiDDense.dot(vertex, sigmaGamma)
        let b = sigmaGamma.map { $0 / variance }
        let gy = HonestDiDDense.dot(vertex, y)
        self.test = test
        self.direction = b
        self.residual = zip(y, b).map { $0 - $1 * gy }
        self.eta = eta
        self.sd = variance.squareRoot()
    }

    /// Solves `max (s + b c)ᵀλ` and reports whether `c` equals the optimum (within 1e-6); a failed
    /// program counts as "no" with `λ = 0`, as in the reference.
    private func check(_ c: Double) -> (inside: Bool, lambda: [Double]) {
        let objective = zip(residual, direction).map { $0 + $1 * c }
        guard case .optimal(let lambda, let value) = test.dualProgram(objective: objective).solve() else {
            return (false, [Double](repeating: 0, count: residual.count))
        }
        return (abs(c - value) <= Self.equalityTolerance, lambda)
    }

    /// `round(sᵀλ)/(1 − bᵀλ)`, the fixed-point step; `fallback` when the denominator vanishes.
    private func step(_ lambda: [Double], fallback: Double) -> Double {
        let denominator = 1 - HonestDiDDense.dot(lambda, direction)
        guard abs(denominator) > 1e-15 else { return fallback }
        var numerator = HonestDiDDense.dot(lambda, residual)
        // HonestDiD's .roundeps: values below ε^{3/4} are set to 0.
        if abs(numerator) < Double.ulpOfOne.squareRoot() * Double.ulpOfOne.squareRoot().squareRoot() { numerator = 0 }
        return numerator / denominator
    }

    /// `(v_lo, v_up)`; `(η̂, ∞)` when `η̂` itself fails the check.
    func bounds() -> (lower: Double, upper: Double) {
        guard check(eta).inside else { return (eta, .infinity) }
        let upper = boundary(start: max(100, eta + 20 * sd), infinite: .infinity)
        let lower = boundary(start: min(-100, eta - 20 * sd), infinite: -.infinity)
        return (lower, upper)
    }

    /// One end of the interval, searched from `start` (beyond it) toward `η̂`.
    private func boundary(start: Double, infinite: Double) -> Double {
        var probe = check(start)
        if probe.inside { return infinite }
        var gap = 0.0
        var iterations = 1
        var mid = step(probe.lambda, fallback: start)
        probe = check(mid)
        while !probe.inside && iterations < Self.maximumIterations {
            iterations += 1
            if iterations >= Self.switchIterations {
                gap = Self.bisectionTolerance + 1
                break
            }
            mid = step(probe.lambda, fallback: mid)
            probe = check(mid)
        }
        // Bisection between η̂ (inside) and mid (the outside end).
        var inside = eta
        var outside = mid
        while gap > Self.bisectionTolerance && iterations < Self.maximumIterations {
            iterations += 1
            mid = (inside + outside) / 2
            if check(mid).inside { inside = mid } else { outside = mid }
            gap = abs(outside - inside)
        }
        return mid
    }
}
