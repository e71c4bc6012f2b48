import LinearAlgebra

/// A computed covariance of the coefficients: the matrix, the degrees of freedom for t-based
/// inference, the number of clusters, and any warnings about its reliability.
public struct CovarianceEstimate: Sendable {
    /// The specification that produced it.
    public let type: CovarianceType
    /// `k × k` covariance of the kept coefficients.
    public let matrix: Matrix
    /// Degrees of freedom of the reference t (and F denominator): N − K for classical and HC;
    /// G − 1 for one-way clusters; min(G_a, G_b) − 1 for two-way (statsmodels
    /// `df_resid_inference`, Stata `vce(cluster)`).
    public let degreesOfFreedom: Double
    /// Number of clusters per clustering variable, in the order of `type.clusterVariables`.
    public let clusterCounts: [Int]
    /// Reliability warnings (few clusters, a non-PSD two-way sum that was repaired).
    public let warnings: [String]
    /// Number of negative eigenvalues set to zero to make a two-way covariance PSD.
    public let clippedEigenvalues: Int
    /// The matrix before eigenvalue clipping (equal to `matrix` when nothing was clipped): the
    /// two-way sum `V_a + V_b − V_ab` as statsmodels and R `sandwich::vcovCL` report it.
    public let unclippedMatrix: Matrix

    /// Memberwise initializer (used by `CovarianceEstimator`, and for covariances built elsewhere).
    public init(
        type: CovarianceType, matrix: Matrix, degreesOfFreedom: Double, clusterCounts: [Int] = [],
        warnings: [String] = [], clippedEigenvalues: Int = 0, unclippedMatrix: Matrix? = nil
    ) {
        precondition(matrix.rows == matrix.columns, "A covariance matrix is square")
        self.type = type
        self.matrix = matrix
        self.degreesOfFreedom = degreesOfFreedom
        self.clusterCounts = clusterCounts
        self.warnings = warnings
        self.clippedEigenvalues = clippedEigenvalues
        self.unclippedMatrix = unclippedMatrix ?? matrix
    }

    /// The label used in summaries, with the number of clusters filled in:
    /// `"Clustered (team_id), G = 30, CR1"`, `"Clustered (firm, year), G = 15, 8, CR1 (two-way CGM)"`.
    public var label: String {
        guard case .clustered(let names, let correction) = type else { return type.description }
        let counts = clusterCounts.map { String($0) }.joined(separator: ", ")
        let twoWay = names.count == 2 ? " (two-way CGM)" : ""
        return "Clustered (\(names.joined(separator: ", "))), G = \(counts), \(correction.shortName)\(twoWay)"
    }

    /// Standard errors `√V_jj` of the kept coefficients.
    public var standardErrors: [Double] {
        (0..<matrix.rows).map { matrix[$0, $0].squareRoot() }
    }
}
