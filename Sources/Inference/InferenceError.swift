/// Problems with the data behind a covariance or test, each with advice on what to do.
public enum InferenceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The cluster variable takes one value in the rows used: its covariance is identically 0.
    case singleCluster(variable: String)
    /// Rows without a cluster id (code < 0) reached the covariance computation.
    case missingClusterID(variable: String, rows: Int)
    /// `.clustered(by:)` was given no name or more than three names.
    case unsupportedClusterDimensions(count: Int)
    /// CR2 or CR3 was asked for with more than one clustering dimension.
    case multiwayResidualAdjustment(correction: String, dimensions: Int)
    /// CR3 divides by `I − H_gg`, which is singular for some clusters.
    case jackknifeUndefined(variable: String, clusters: Int)
    /// Satterthwaite degrees of freedom were asked for a covariance other than one-way CR2.
    case satterthwaiteNeedsCR2(covariance: String)
    /// HC2/HC3 divide by `1 − hᵢᵢ`; some observations have leverage 1.
    case leverageOfOne(rows: Int)
    /// N ≤ K: no residual degrees of freedom for `s²` or the small-sample factors.
    case noResidualDegreesOfFreedom(observations: Int, parameters: Int)

    /// The message: what is wrong and what to do.
    public var description: String {
        switch self {
        case .singleCluster(let variable):
            return "Cluster variable '\(variable)' has a single level in the rows used, so a cluster-robust "
                + "covariance is not defined. Cluster by a variable with several levels, or use HC1."
        case .missingClusterID(let variable, let rows):
            return "Cluster variable '\(variable)' is missing in \(rows) of the rows used. Drop those rows "
                + "(the formula entry point does this when the covariance is given at fit time) or impute the ids."
        case .unsupportedClusterDimensions(let count):
            return "Clustering by \(count) variables is not supported; give one, two or three cluster variables."
        case .multiwayResidualAdjustment(let correction, let dimensions):
            return "\(correction) is defined for one clustering dimension, but \(dimensions) were given. Use CR1 "
                + "for multi-way clustering, or cluster by the coarsest single dimension with CR2/CR3."
        case .jackknifeUndefined(let variable, let clusters):
            return "In \(clusters) cluster(s) of '\(variable)', I − H_gg is singular (a regressor is nonzero only "
                + "within that cluster, e.g. a dummy for it), so the fit without the cluster is not identified and "
                + "CR3 (the cluster jackknife) is undefined. Use CR2, which takes the pseudo-inverse there, or drop "
                + "the regressor."
        case .satterthwaiteNeedsCR2(let covariance):
            return "Satterthwaite degrees of freedom are computed for one-way CR2 covariances only, not for "
                + "\(covariance). Refit or swap the covariance with `.cr2(by:)`, or use the covariance's own df."
        case .leverageOfOne(let rows):
            return "\(rows) observation(s) have leverage 1 (fitted exactly, e.g. by a dummy for a single row), "
                + "so HC2/HC3 are undefined. Use HC1, or remove the dummy that isolates those rows."
        case .noResidualDegreesOfFreedom(let n, let k):
            return "\(n) observations for \(k) coefficients leaves no residual degrees of freedom; "
                + "use fewer regressors or more data."
        }
    }
}
