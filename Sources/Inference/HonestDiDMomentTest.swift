import Foundation
import LinearAlgebra

/// The Andrews–Roth–Pakes conditional test of `E[y − Xδ] ≤ 0` for some nuisance `δ`, with or
/// without the least-favourable hybrid first stage, for one vector of moments `y ~ N(μ, Σ)`.
///
/// Statistic: `η̂ = min_{η,δ} η` s.t. `y − Xδ ≤ η σ` (`σ = sqrt(diag Σ)`), solved through its dual
/// `max_λ yᵀλ` s.t. `σᵀλ = 1`, `Xᵀλ = 0`, `λ ≥ 0`, whose optimal vertex `γ̂` says which moments
/// bind. Conditional on that vertex, `η̂` is normal truncated to `[v_lo, v_up]` (ARP 2023, Prop. 5
/// and Appendix D, Algorithm 1), and the test rejects when `η̂/σ_B` exceeds the `1 − α̃` quantile of
/// that truncated normal (floored at 0). The hybrid first rejects when `η̂` exceeds the
/// least-favourable critical value `c_LF` (size `κ`), then runs the conditional test at
/// `α̃ = (α − κ)/(1 − κ)` with `v_up` capped at `c_LF` (ARP 2023, Section 4.2).
///
/// Follows `HonestDiD:::.lp_conditional_test_fn` (R) and `_lp_conditional_test_fn` (Python 0.1.1):
/// a non-degenerate vertex (exactly `dim δ + 1` positive multipliers, full-rank binding rows) takes
/// the closed-form truncation bounds, otherwise the dual bisection of ``HonestDiDDualTruncation``.
/// Without nuisance parameters it is the test of `HonestDiD:::.testInIdentifiedSet(_LF_Hybrid)`.
/// Andrews, Roth & Pakes (2023), "Inference for Linear Conditional Moment Inequalities",
/// *Rev. Econ. Stud.* 90(6).
struct HonestDiDMomentTest {
    /// `X`, `m × k` row arrays (`k = 0`: no nuisance parameters).
    let nuisance: [[Double]]
    /// `Σ`, the covariance of the moments.
    let covariance: [[Double]]
    /// `sqrt(diag Σ)`.
    let scale: [Double]
    /// `k`.
    let nuisanceCount: Int

    init(nuisance: [[Double]], covariance: [[Double]]) {
        self.nuisance = nuisance
        self.covariance = covariance
        self.scale = (0..<covariance.count).map { covariance[$0][$0].squareRoot() }
        self.nuisanceCount = nuisance.first?.count ?? 0
    }

    var momentCount: Int { covariance.count }

    /// The dual program `max yᵀλ` s.t. `[σ X]ᵀλ = e₁`, `λ ≥ 0` with objective `f`.
    func dualProgram(objective f: [Double]) -> LinearProgram {
        let m = momentCount
        var rows = [scale]
        for j in 0..<nuisanceCount { rows.append((0..<m).map { nuisance[$0][j] }) }
        var rhs = [Double](repeating: 0, count: nuisanceCount + 1)
        rhs[0] = 1
        return LinearProgram(maximize: f, subjectTo: Matrix(rowMajor: rows), equals: rhs)
    }

    /// `η̂(y)` and the dual vertex `γ̂`, or `nil` when the program has no optimum.
    func statistic(_ y: [Double]) -> (eta: Double, vertex: [Double])? {
        if nuisanceCount == 0 {
            // Without nuisance parameters the program is max_i yᵢ/σᵢ.
            guard let i = (0..<momentCount).max(by: { y[$0] / scale[$0] < y[$1] / scale[$1] }) else { return nil }
            var vertex = [Double](repeating: 0, count: momentCount)
            vertex[i] = 1 / scale[i]
            return (y[i] / scale[i], vertex)
        }
        guard case .optimal(let lambda, let value) = dualProgram(objective: y).solve() else { return nil }
        return (value, lambda)
    }

    /// Whether the test rejects at level `alpha`; `leastFavorable` is `(c_LF, κ)` for the hybrid.
    func rejects(_ y: [Double], alpha: Double, leastFavorable: (criticalValue: Double, kappa: Double)?) -> Bool {
        // An LP failure does not reject, as in HonestDiD ("LP for eta did not converge").
        guard let (eta, vertex) = statistic(y) else { return false }
        var size = alpha
        if let (criticalValue, kappa) = leastFavorable {
            if eta > criticalValue { return true }
            size = (alpha - kappa) / (1 - kappa)
        }
        if nuisanceCount == 0 {
            return rejectsWithoutNuisance(y, eta: eta, vertex: vertex, size: size)
        }
        let binding = vertex.map { $0 > 1e-6 }  // HonestDiD's tol_lambda
        let bindingRows = (0..<momentCount).filter { binding[$0] }.map { nuisance[$0] }
        let fullRank = !bindingRows.isEmpty && HonestDiDDense.rank(bindingRows) == min(bindingRows.count, nuisanceCount)
        let cap = leastFavorable?.criticalValue ?? .infinity
        if bindingRows.count == nuisanceCount + 1 && fullRank,
           let bounds = primalTruncation(y, binding: binding)
        {
            let z = eta / bounds.sd
            return conditionalRejects(z, lower: bounds.lower / bounds.sd, upper: min(bounds.upper, cap) / bounds.sd, size: size)
        }
        let variance = quadratic(vertex)
        if abs(variance) < Double.ulpOfOne { return eta > 0 }
        let sd = variance.squareRoot()
        let bounds = HonestDiDDualTruncation(test: self, moments: y, vertex: vertex, eta: eta).bounds()
        return conditionalRejects(eta / sd, lower: bounds.lower / sd, upper: min(bounds.upper, cap) / sd, size: size)
    }

    /// Rejects when `z` lies in `[lower, upper]` and exceeds the truncated-normal critical value.
    private func conditionalRejects(_ z: Double, lower: Double, upper: Double, size: Double) -> Bool {
        // Outside its own truncation interval the statistic is not rejected (HonestDiD's convention
        // for numerically inconsistent bounds).
        guard lower <= z && z <= upper else { return false }
        let critical = max(0, HonestDiDTruncatedNormal.quantile(1 - size, lower: lower, upper: upper))
        return z > critical
    }

    /// `vᵀΣv`.
    func quadratic(_ v: [Double]) -> Double {
        HonestDiDDense.dot(v, HonestDiDDense.times(covariance, v))
    }

    /// Closed-form `v_lo`, `v_up` and `σ_B` at a non-degenerate vertex with binding set `B`:
    /// `v_B = e₁ᵀ[σ_B X_B]⁻¹ S_B`, `Γ_B = [σ_Bᶜ X_Bᶜ][σ_B X_B]⁻¹S_B − S_Bᶜ`,
    /// `ρ = Γ_B Σ v_B / v_BᵀΣv_B`, and the bounds are the max (`ρ > 0`) and min (`ρ < 0`) of
    /// `v_Bᵀy − (Γ_B y)/ρ` (ARP 2023, Appendix D).
    private func primalTruncation(_ y: [Double], binding: [Bool]) -> (lower: Double, upper: Double, sd: Double)? {
        let rows = (0..<momentCount).filter { binding[$0] }
        let others = (0..<momentCount).filter { !binding[$0] }
        let square = rows.map { [scale[$0]] + nuisance[$0] }
        guard let inverse = HonestDiDDense.inverse(square) else { return nil }
        // Columns of [σ_B X_B]⁻¹ S_B: the inverse's columns placed at the binding moments.
        func spread(_ row: [Double]) -> [Double] {
            var full = [Double](repeating: 0, count: momentCount)
            for (position, moment) in rows.enumerated() { full[moment] = row[position] }
            return full
        }
        let projected = inverse.map(spread)
        let v = projected[0]
        let variance = quadratic(v)
        guard variance > 0 else { return nil }
        let sigmaV = HonestDiDDense.times(covariance, v)
        let vy = HonestDiDDense.dot(v, y)
        var lower = -Double.infinity
        var upper = Double.infinity
        for moment in others {
            let left = [scale[moment]] + nuisance[moment]
            var gamma = (0..<momentCount).map { j in (0..<projected.count).reduce(0) { $0 + left[$1] * projected[$1][j] } }
            gamma[moment] -= 1
            let rho = HonestDiDDense.dot(gamma, sigmaV) / variance
            let value = vy - HonestDiDDense.dot(gamma, y) / rho
            if rho > 0 { lower = max(lower, value) }
            if rho < 0 { upper = min(upper, value) }
        }
        return (lower, upper, variance.squareRoot())
    }

    /// The conditional test without nuisance parameters: the largest normalized moment, conditioned
    /// on its location (Lee et al. 2016 polyhedral bounds), as in `HonestDiD:::.testInIdentifiedSet`.
    /// In the hybrid the bounds are not capped at `c_LF` here, as in HonestDiD's no-nuisance branch.
    private func rejectsWithoutNuisance(_ y: [Double], eta: Double, vertex: [Double], size: Double) -> Bool {
        // γ = e_i/σ_i (vertex); c = Σγ/γᵀΣγ = Σγ since γᵀΣγ = 1; the other normalized moments
        // minus the largest must stay ≤ 0 along y = z + c t.
        let gammaSigma = HonestDiDDense.times(covariance, vertex)
        let variance = HonestDiDDense.dot(vertex, gammaSigma)
        let c = gammaSigma.map { $0 / variance }
        let t = HonestDiDDense.dot(vertex, y)
        let z = zip(y, c).map { $0 - $1 * t }
        guard let top = vertex.firstIndex(where: { $0 != 0 }) else { return false }
        var lower = -Double.infinity
        var upper = Double.infinity
        for i in 0..<momentCount where i != top {
            let ac = c[i] / scale[i] - c[top] / scale[top]
            let az = z[i] / scale[i] - z[top] / scale[top]
            let value = -az / ac
            if ac < 0 { lower = max(lower, value) }
            if ac > 0 { upper = min(upper, value) }
        }
        let sd = variance.squareRoot()
        let critical = max(0, sd * HonestDiDTruncatedNormal.quantile(1 - size, lower: lower / sd, upper: upper / sd))
        return eta > critical
    }
}
