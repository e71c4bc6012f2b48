import Distributions
import LinearAlgebra

/// Event-study coefficients and their covariance, checked, as the input to a Rambachan–Roth
/// sensitivity analysis.
///
/// `β̂ = (β̂_pre, β̂_post)`: the pre-period coefficients (event times before the reference period,
/// in order) followed by the post-period ones, the reference period itself excluded, with their
/// covariance `Σ`. Any event-study estimator can feed it: from a TWFE `EventStudyResult` with
/// reference period −1, the estimates of `eventTimes` without the reference entry (in order) and
/// `covariance`, with `prePeriods` the number of leads; Sun–Abraham, imputation or
/// Callaway–Sant'Anna dynamic aggregates the same way. The reference period must be the last
/// pre-treatment period (−1), as Δ^RM measures the first post-period change from it.
/// Matches the `betahat`, `sigma`, `numPrePeriods`, `numPostPeriods` arguments of R `HonestDiD`
/// (Rambachan & Roth 2023, "A More Credible Approach to Parallel Trends", *Rev. Econ. Stud.* 90(5)).
public struct HonestDiDEventStudy: Sendable {
    /// `β̂`, pre-periods first.
    public let estimates: [Double]
    /// `Σ`, the covariance of `β̂`.
    public let covariance: Matrix
    /// Number of pre-period coefficients (reference period excluded).
    public let prePeriods: Int
    /// Number of post-period coefficients.
    public let postPeriods: Int
    /// `V Λ^{1/2}` from `Σ = V Λ Vᵀ` (negative round-off eigenvalues set to 0): draws `N(0, Σ)` as
    /// `V Λ^{1/2} z`, which works for a singular `Σ` where a Cholesky factor does not exist.
    let squareRoot: Matrix

    /// Checks and stores an event study.
    ///
    /// - Throws: ``HonestDiDError`` when the dimensions disagree, there are no pre- or post-periods,
    ///   an entry is not finite, a coefficient has zero variance, or `Σ` is not symmetric positive
    ///   semidefinite (eigenvalues below
    ///   `−1e-10 × the largest` count as negative; smaller ones are round-off and set to 0).
    public init(estimates: [Double], covariance: Matrix, prePeriods: Int, postPeriods: Int) throws(HonestDiDError) {
        let k = estimates.count
        guard prePeriods >= 0, postPeriods >= 0, covariance.rows == k, covariance.columns == k,
              prePeriods + postPeriods == k
        else {
            throw .dimensionMismatch(coefficients: k, covarianceRows: covariance.rows, covarianceColumns: covariance.columns,
                                     prePeriods: prePeriods, postPeriods: postPeriods)
        }
        guard prePeriods > 0 else { throw .noPrePeriods }
        guard postPeriods > 0 else { throw .noPostPeriods }
        guard estimates.allSatisfy(\.isFinite), covariance.elements.allSatisfy(\.isFinite) else { throw .nonFinite }
        var asymmetry = 0.0
        var largest = 0.0
        for i in 0..<k {
            for j in 0..<k {
                asymmetry = max(asymmetry, abs(covariance[i, j] - covariance[j, i]))
                largest = max(largest, abs(covariance[i, j]))
            }
        }
        // R HonestDiD only warns on asymmetry; beyond round-off (relative, so units do not matter) it
        // means the matrix is not a covariance, and the test's conditioning would be wrong.
        guard asymmetry <= 1e-10 * max(largest, .leastNormalMagnitude) else {
            throw .covarianceNotSymmetric(largestAsymmetry: asymmetry)
        }
        guard let eigen = try? SymmetricEigen(covariance) else { throw .nonFinite }
        let top = eigen.values.last ?? 0
        if let smallest = eigen.values.first, smallest < -1e-10 * max(top, 0) || top <= 0 && smallest < 0 {
            throw .covarianceNotPositiveSemidefinite(smallestEigenvalue: smallest)
        }
        if let index = (0..<k).first(where: { covariance[$0, $0] <= 0 }) { throw .zeroVariance(coefficient: index) }
        var root = eigen.vectors
        for j in 0..<k {
            let scale = max(eigen.values[j], 0).squareRoot()
            for i in 0..<k { root[i, j] *= scale }
        }
        self.estimates = estimates
        self.covariance = covariance
        self.prePeriods = prePeriods
        self.postPeriods = postPeriods
        self.squareRoot = root
    }

    /// `l'β̂_post`, the target parameter's estimate.
    public func estimate(weights: [Double]) -> Double {
        precondition(weights.count == postPeriods, "one weight per post period")
        return (0..<postPeriods).reduce(0) { $0 + weights[$1] * estimates[prePeriods + $1] }
    }

    /// `sqrt(l' Σ_post l)`, the standard error of `l'β̂_post`.
    public func standardError(weights: [Double]) -> Double {
        precondition(weights.count == postPeriods, "one weight per post period")
        var variance = 0.0
        for a in 0..<postPeriods {
            for b in 0..<postPeriods {
                variance += weights[a] * weights[b] * covariance[prePeriods + a, prePeriods + b]
            }
        }
        return max(variance, 0).squareRoot()
    }

    /// The original (non-robust) interval under exact parallel trends:
    /// `l'β̂_post ± z_{1−α/2} sqrt(l'Σ_post l)`.
    ///
    /// Matches `HonestDiD::constructOriginalCS`.
    public func originalInterval(weights: [Double], alpha: Double = 0.05) -> HonestDiDInterval {
        precondition(alpha > 0 && alpha < 1, "alpha must be in (0, 1)")
        let center = estimate(weights: weights)
        let half = Normal().quantile(1 - alpha / 2) * standardError(weights: weights)
        return HonestDiDInterval(lower: center - half, upper: center + half)
    }

    /// The weights `l = (1/T̄, …, 1/T̄)` of the average post-treatment effect.
    public var averageWeights: [Double] {
        [Double](repeating: 1 / Double(postPeriods), count: postPeriods)
    }
}
