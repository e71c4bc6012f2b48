/// Problems with the event-study input of a Rambachan–Roth sensitivity analysis, each with advice.
public enum HonestDiDError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The coefficient vector, the covariance and the period counts do not fit together.
    case dimensionMismatch(coefficients: Int, covarianceRows: Int, covarianceColumns: Int, prePeriods: Int, postPeriods: Int)
    /// The weight vector `l` does not have one entry per post period, or is all zero.
    case invalidWeights(count: Int, postPeriods: Int)
    /// Relative magnitudes bound post-period violations by pre-period ones: at least one is needed.
    case noPrePeriods
    /// There is no post-period coefficient to bound.
    case noPostPeriods
    /// A coefficient or covariance entry is NaN or infinite.
    case nonFinite
    /// The covariance is not symmetric (largest |Σᵢⱼ − Σⱼᵢ| given).
    case covarianceNotSymmetric(largestAsymmetry: Double)
    /// The covariance has a clearly negative eigenvalue.
    case covarianceNotPositiveSemidefinite(smallestEigenvalue: Double)
    /// A coefficient has zero variance, so its moments cannot be standardized.
    case zeroVariance(coefficient: Int)

    /// The message: what is wrong and what to do.
    public var description: String {
        switch self {
        case .dimensionMismatch(let k, let r, let c, let pre, let post):
            return "The event study has \(k) coefficients, a \(r)×\(c) covariance and \(pre) pre + \(post) post "
                + "periods; these must all agree (reference period excluded). Pass the coefficients in event-time "
                + "order, pre-periods first, with their full covariance."
        case .invalidWeights(let count, let post):
            return "The weights l have \(count) entries for \(post) post periods, or are all zero. Give one weight "
                + "per post period (e.g. 1/\(post) each for the average effect)."
        case .noPrePeriods:
            return "Relative-magnitude bounds scale the largest pre-period violation of parallel trends, so the event "
                + "study needs at least one pre-period coefficient besides the reference period. Add leads."
        case .noPostPeriods:
            return "The event study has no post-period coefficient to bound. Add lags (event time ≥ 0)."
        case .nonFinite:
            return "A coefficient or covariance entry is NaN or infinite; re-estimate the event study or drop the "
                + "unidentified event times."
        case .covarianceNotSymmetric(let asymmetry):
            return "The covariance is not symmetric (largest asymmetry \(asymmetry)). Pass a covariance matrix, "
                + "or symmetrize it as (Σ + Σᵀ)/2 if the asymmetry is round-off."
        case .covarianceNotPositiveSemidefinite(let eigenvalue):
            return "The covariance is not positive semidefinite (smallest eigenvalue \(eigenvalue)). Check that it "
                + "belongs to these coefficients; a cluster-robust covariance with fewer clusters than coefficients "
                + "can be singular but never has negative eigenvalues."
        case .zeroVariance(let index):
            return "Coefficient \(index) (0-based, pre-periods first) has zero variance. Drop event times that are "
                + "not estimated (e.g. collinear or empty), or check the covariance."
        }
    }
}
