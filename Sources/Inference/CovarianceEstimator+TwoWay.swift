import LinearAlgebra

/// Two-way clustering (Cameron, Gelbach & Miller 2011).
extension CovarianceEstimator {
    /// `V = c_a V_a + c_b V_b − c_ab V_{a∩b}`, each term a one-way cluster sandwich with its OWN
    /// small-sample factor `c = G/(G−1)·(N−1)/(N−K)` computed from that term's number of clusters
    /// (G_a, G_b, and the number of non-empty a×b cells). This is statsmodels
    /// `cov_cluster_2groups(use_correction=True)` = `cov0 + cov1 − cov01`, the convention recorded in
    /// `datasets/reference/ols_small.json`, and R `sandwich::vcovCL(type = "HC1", cadjust = TRUE,
    /// multi0 = FALSE)`; t df = min(G_a, G_b) − 1 as statsmodels' `adjust_df`. (fixest/pyfixest
    /// default instead to one factor with G = min(G_a, G_b) for all three terms.)
    ///
    /// The difference need not be positive semi-definite. If it is not, it is repaired as CGM (2011,
    /// §2.3) propose: eigen-decompose `V = U Λ Uᵀ` and replace negative eigenvalues by zero, with a warning.
    static func twoWay(
        _ type: CovarianceType, _ a: ClusterVariable, _ b: ClusterVariable,
        components: SandwichComponents, multipliers u: [Double],
        correction: SmallSampleCorrection, warnings: [String]
    ) throws -> CovarianceEstimate {
        let both = ClusterVariable.intersection(a, b)
        let va = oneWay(a, components: components, multipliers: u, correction: correction)
        let vb = oneWay(b, components: components, multipliers: u, correction: correction)
        // A one-cluster intersection (only possible if a or b has one level, rejected earlier) has
        // G/(G−1) undefined; every two-way input here has at least two cells.
        let vab = oneWay(both, components: components, multipliers: u, correction: correction)
        let sum = (va + vb - vab).symmetrized()
        var notes = warnings
        let (v, clipped) = try clippingNegativeEigenvalues(sum)
        if clipped > 0 {
            notes.append(
                "The two-way cluster covariance V_a + V_b − V_ab was not positive semi-definite; "
                    + "\(clipped) negative eigenvalue(s) were set to zero (Cameron, Gelbach & Miller 2011, §2.3). "
                    + "Standard errors of affected combinations are conservative approximations.")
        }
        return CovarianceEstimate(
            type: type, matrix: v, degreesOfFreedom: Double(min(a.count, b.count) - 1),
            clusterCounts: [a.count, b.count], warnings: notes, clippedEigenvalues: clipped,
            unclippedMatrix: sum)
    }

    /// `U max(Λ, 0) Uᵀ` and the number of eigenvalues clipped.
    ///
    /// Eigenvalues above `−1e-12 · max|λ|` count as zero from rounding and are left alone, so an
    /// exactly singular but PSD matrix is returned unchanged.
    static func clippingNegativeEigenvalues(_ v: Matrix) throws -> (Matrix, Int) {
        let eigen = try SymmetricEigen(v)
        let scale = eigen.values.map(abs).max() ?? 0
        let negative = eigen.values.filter { $0 < -1e-12 * scale }.count
        guard negative > 0 else { return (v, 0) }
        let k = v.rows
        var scaled = eigen.vectors
        for j in 0..<k {
            let lambda = max(eigen.values[j], 0)
            for i in 0..<k { scaled[i, j] *= lambda }
        }
        let repaired = Matrix.product(scaled, eigen.vectors, transposeB: true).symmetrized()
        return (repaired, negative)
    }
}
