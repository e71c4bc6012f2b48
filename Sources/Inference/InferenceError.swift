/// Problems with the data behind a covariance or test, each with advice on what to do.
public enum InferenceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The cluster variable takes one value in the rows used: its covariance is identically 0.
    case singleCluster(variable: String)
    /// Rows without a cluster id (code < 0) reached the covariance computation.
    case missingClusterID(variable: String, rows: Int)
    /// `.clustered(by:)` was given no name or more than two names.
    case unsupportedClusterDimensions(count: Int)
    /// HC2/HC3 divide by `1 − hᵢᵢ`; some observations have leverage 1.
    case leverageOfOne(rows: Int)
    /// N ≤ K: no residual degrees of freedom for `s²` or the small-sample factors.
    case noResidualDegreesOfFreedom(observations: Int, parameters: Int)

    public var description: String {
        switch self {
        case .singleCluster(let variable):
            return "Cluster variable '\(variable)' has a single level in the rows used, so a cluster-robust "
                + "covariance is not defined. Cluster by a variable with several levels, or use HC1."
        case .missingClusterID(let variable, let rows):
            return "Cluster variable '\(variable)' is missing in \(rows) of the rows used. Drop those rows "
                + "(the formula entry point does this when the covariance is given at fit time) or impute the ids."
        case .unsupportedClusterDimensions(let count):
            return "Clustering by \(count) variables is not supported; give one or two cluster variables."
        case .leverageOfOne(let rows):
            return "\(rows) observation(s) have leverage 1 (fitted exactly, e.g. by a dummy for a single row), "
                + "so HC2/HC3 are undefined. Use HC1, or remove the dummy that isolates those rows."
        case .noResidualDegreesOfFreedom(let n, let k):
            return "\(n) observations for \(k) coefficients leaves no residual degrees of freedom; "
                + "use fewer regressors or more data."
        }
    }
}
