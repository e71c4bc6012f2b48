import LinearAlgebra

/// Multi-way clustering by inclusion–exclusion (Cameron, Gelbach & Miller 2011).
extension CovarianceEstimator {
    /// `V = Σ_{∅ ≠ S ⊆ D} (−1)^{|S|+1} c_S V_S` over the clustering dimensions D (two or three), where
    /// `V_S` is the one-way cluster sandwich by the intersection of the dimensions in S (the
    /// non-empty cells) and `c_S = G_S/(G_S − 1)·(N − 1)/(N − K)` uses that term's OWN number of
    /// clusters G_S. Two-way: `c_a V_a + c_b V_b − c_ab V_ab`; three-way (CGM 2011, §2.3):
    /// `V_a + V_b + V_c − V_ab − V_ac − V_bc + V_abc`, seven terms.
    ///
    /// This is R `sandwich::vcovCL(fit, cluster = ~a + b (+ c), type = "HC1", cadjust = TRUE,
    /// multi0 = FALSE)` (sandwich 3.0 `meatCL`: sign `(−1)^{|S|+1}`, factor `g/(g − 1)` per term, then
    /// `(N − 1)/(N − K)` once) and, for two dimensions, statsmodels `cov_cluster_2groups`; the
    /// convention recorded in `datasets/reference/ols_small.json` and `cov_small.json`. t df =
    /// min_j G_j − 1, as statsmodels' `adjust_df` for two-way. (fixest/pyfixest default instead to
    /// one factor with G = min_j G_j for every term.)
    ///
    /// The sum need not be positive semi-definite. If it is not, it is repaired as CGM (2011, §2.3)
    /// propose: eigen-decompose `V = U Λ Uᵀ` and replace negative eigenvalues by zero, with a warning;
    /// `CovarianceEstimate.unclippedMatrix` keeps the sum as sandwich and statsmodels report it.
    static func multiWay(
        _ type: CovarianceType, _ dims: [ClusterVariable], components: SandwichComponents,
        correction: SmallSampleCorrection, warnings: [String], sizes: [ClusterSizeSummary]
    ) throws -> CovarianceEstimate {
        let d = dims.count
        precondition(d >= 2 && d <= maximumClusterDimensions, "Multi-way clustering needs 2 or 3 dimensions")
        precondition(!correction.adjustsResiduals, "CR2/CR3 are one-way estimators")
        let u = components.scoreMultipliers()
        let k = components.parameterCount
        // Intersection of the dimensions in each subset (bit j set = dimension j included), built
        // from the subset without its highest dimension so each intersection is formed once.
        var intersections = [ClusterVariable?](repeating: nil, count: 1 << d)
        var sum = Matrix(rows: k, columns: k)
        for mask in 1..<(1 << d) {
            let highest = Int.bitWidth - 1 - mask.leadingZeroBitCount
            let rest = mask & ~(1 << highest)
            let cluster = rest == 0 ? dims[highest] : ClusterVariable.intersection(intersections[rest]!, dims[highest])
            intersections[mask] = cluster
            // Every intersection has at least as many cells as each of its dimensions (≥ 2, checked
            // by the caller), so G_S/(G_S − 1) is defined.
            let v = oneWay(cluster, components: components, multipliers: u, correction: correction)
            sum = mask.nonzeroBitCount % 2 == 1 ? sum + v : sum - v
        }
        sum = sum.symmetrized()
        var notes = warnings
        let (v, clipped) = try clippingNegativeEigenvalues(sum)
        if clipped > 0 {
            notes.append(
                "The \(d)-way cluster covariance (inclusion–exclusion over the intersections) was not positive "
                    + "semi-definite; \(clipped) negative eigenvalue(s) were set to zero (Cameron, Gelbach & Miller "
                    + "2011, §2.3). Standard errors of affected combinations are conservative approximations.")
        }
        let counts = dims.map(\.count)
        return CovarianceEstimate(
            type: type, matrix: v, degreesOfFreedom: Double(counts.min()! - 1), clusterCounts: counts,
            warnings: notes, clippedEigenvalues: clipped, unclippedMatrix: sum, clusterSizes: sizes)
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
