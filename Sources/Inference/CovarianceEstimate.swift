import LinearAlgebra

/// A computed covariance of the coefficients: the matrix, the degrees of freedom for t-based
/// inference, the number of clusters, and any warnings about its reliability.
public struct CovarianceEstimate: Sendable {
    /// The specification that produced it.
    public let type: CovarianceType
    /// `k × k` covariance of the kept coefficients.
    public let matrix: Matrix
    /// Degrees of freedom of the reference t (and F denominator): N − K for classical and HC;
    /// G − 1 for one-way clusters (CR1, and CR2/CR3 as clubSandwich's `"naive-t"` test); min_j G_j − 1
    /// for multi-way (statsmodels `df_resid_inference`, Stata `vce(cluster)`).
    public let degreesOfFreedom: Double
    /// Number of clusters per clustering variable, in the order of `type.clusterVariables`.
    public let clusterCounts: [Int]
    /// Reliability warnings (few or unequal clusters, a non-PSD multi-way sum that was repaired,
    /// CR2 blocks that needed a pseudo-inverse).
    public let warnings: [String]
    /// Number of negative eigenvalues set to zero to make a multi-way covariance PSD.
    public let clippedEigenvalues: Int
    /// The matrix before eigenvalue clipping (equal to `matrix` when nothing was clipped): the
    /// multi-way sum (`V_a + V_b − V_ab` for two-way) as statsmodels and R `sandwich::vcovCL` report it.
    public let unclippedMatrix: Matrix
    /// Number and size distribution of the clusters per clustering variable, in the order of
    /// `type.clusterVariables` (empty unless clustered): the facts behind the cluster warnings.
    public let clusterSizes: [ClusterSizeSummary]

    /// Memberwise initializer (used by `CovarianceEstimator`, and for covariances built elsewhere).
    public init(
        type: CovarianceType, matrix: Matrix, degreesOfFreedom: Double, clusterCounts: [Int] = [],
        warnings: [String] = [], clippedEigenvalues: Int = 0, unclippedMatrix: Matrix? = nil,
        clusterSizes: [ClusterSizeSummary] = []
    ) {
        precondition(matrix.rows == matrix.columns, "A covariance matrix is square")
        self.type = type
        self.matrix = matrix
        self.degreesOfFreedom = degreesOfFreedom
        self.clusterCounts = clusterCounts
        self.warnings = warnings
        self.clippedEigenvalues = clippedEigenvalues
        self.unclippedMatrix = unclippedMatrix ?? matrix
        self.clusterSizes = clusterSizes
    }

    /// The label used in summaries, with the number of clusters filled in:
    /// `"Clustered (team_id), G = 30, CR1"`, `"Clustered (firm), G = 15, CR2 (Bell–McCaffrey)"`,
    /// `"Clustered (firm, year), G = 15, 8, CR1 (two-way CGM)"`, `"… CR1 (three-way CGM)"`.
    public var label: String {
        guard case .clustered(let names, let correction) = type else { return type.description }
        let counts = clusterCounts.map { String($0) }.joined(separator: ", ")
        let ways = [2: " (two-way CGM)", 3: " (three-way CGM)"][names.count] ?? ""
        return "Clustered (\(names.joined(separator: ", "))), G = \(counts), \(correction.shortName)\(ways)"
    }

    /// Standard errors `√V_jj` of the kept coefficients.
    public var standardErrors: [Double] {
        (0..<matrix.rows).map { matrix[$0, $0].squareRoot() }
    }
}
