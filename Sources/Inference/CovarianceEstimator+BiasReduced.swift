import LinearAlgebra

/// CR2 and CR3: cluster-robust covariances that adjust each cluster's residuals (Bell & McCaffrey
/// 2002; Pustejovsky & Tipton 2018; Cameron & Miller 2015, §VI.B).
///
/// `V = B (Σ_g s̃_g s̃_gᵀ) B` with `s̃_g = X_gᵀ W_g A_g e_g`, `B = (XᵀWX)⁻¹`, e the raw residuals, and
/// no scalar factor:
///
/// - CR2: `A_g = B_g^{+,−1/2}` with `B_g = I − H_gg − H_ggᵀ + X_g B S B X_gᵀ`, `S = XᵀW²X`
///   (the working model Φ = I). Without weights `B_g = I − H_gg` (Bell–McCaffrey's bias-reduced
///   linearization). Matches R `clubSandwich::vcovCR(fit, cluster, type = "CR2")` for `lm` with and
///   without weights, whose defaults are `target = I` and, for unweighted fits, `inverse_var = TRUE`
///   (the same matrix). For OLS it also equals `sandwich::vcovCL(type = "HC2")` (whose `g/(g − 1)` is
///   cancelled by its `√((g − 1)/g)` rescaling); for WLS sandwich uses a different, non-symmetric
///   adjustment and is not matched.
/// - CR3: `A_g = (I − H_gg)⁻¹`, `H_gg = X_g B X_gᵀ W_g`; then `B s̃_g = b − b₍g₎` exactly (the
///   coefficients without cluster g), so `V = Σ_g (b − b₍g₎)(b − b₍g₎)ᵀ`. Matches
///   `clubSandwich::vcovCR(type = "CR3")` (OLS and WLS) and, for OLS, `sandwich::vcovCL(type = "HC3")`.
///   It omits the factor (G − 1)/G of the textbook jackknife and does not centre on the mean of the
///   b₍g₎, as clubSandwich and Bell & McCaffrey (2002); MacKinnon, Nielsen & Webb's (2023) CV₃ is
///   (G − 1)/G times this matrix and Stata's `vce(jackknife)` also centres.
extension CovarianceEstimator {
    /// The CR2 covariance and the number of clusters whose `B_g` needed the pseudo-inverse.
    static func biasReduced(_ cluster: ClusterVariable, components: SandwichComponents) throws -> (Matrix, Int) {
        let msm = components.weights == nil ? nil : workingModelCrossProduct(components)
        let membership = ClusterMembership(cluster)
        var scores = Matrix(rows: cluster.count, columns: components.parameterCount)
        var singular = 0
        for g in 0..<cluster.count {
            let block = try ResidualAdjustmentBlock.cr2(
                rows: membership.rows(of: g), components: components, msm: msm)
            if block.isSingular { singular += 1 }
            for (j, s) in block.score.enumerated() { scores[g, j] = s }
        }
        return (components.sandwich(meat: scores.gram()), singular)
    }

    /// The CR3 covariance.
    ///
    /// - Throws: `InferenceError.jackknifeUndefined` when `I − H_gg` is singular for some cluster.
    static func jackknife(_ cluster: ClusterVariable, components: SandwichComponents) throws -> Matrix {
        let membership = ClusterMembership(cluster)
        var scores = Matrix(rows: cluster.count, columns: components.parameterCount)
        var singular = 0
        for g in 0..<cluster.count {
            let block = try ResidualAdjustmentBlock.cr3(rows: membership.rows(of: g), components: components)
            if block.isSingular {
                singular += 1
                continue
            }
            for (j, s) in block.score.enumerated() { scores[g, j] = s }
        }
        if singular > 0 { throw InferenceError.jackknifeUndefined(variable: cluster.name, clusters: singular) }
        return components.sandwich(meat: scores.gram())
    }

    /// `M S M` with `M = (XᵀWX)⁻¹` and `S = XᵀW²X = Σ wᵢ² xᵢxᵢᵀ`: `Var(b)` under the working model
    /// Φ = I, which enters the CR2 block `B_g` of a weighted fit.
    static func workingModelCrossProduct(_ components: SandwichComponents) -> Matrix {
        let w = components.weights ?? [Double](repeating: 1, count: components.observationCount)
        let s = components.design.weightedGram(w.map { $0 * $0 })
        return Matrix.product(components.bread, Matrix.product(s, components.bread)).symmetrized()
    }
}
