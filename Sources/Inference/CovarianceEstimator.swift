import LinearAlgebra

/// Computes sandwich covariances `V = c · B M B` of linear-model coefficients.
///
/// Bread `B = (XᵀWX)⁻¹`; the meat M and factor c depend on the type (R `sandwich`, statsmodels
/// `RegressionResults.cov_HC*` / `sandwich_covariance.cov_cluster`, Stata `regress, vce()`):
///
/// | type | meat M | factor c | t df |
/// |---|---|---|---|
/// | classical | `XᵀWX` (so V = s²B) | `s² = Σwᵢeᵢ²/(N−K)` | N − K |
/// | HC0 | `Σ uᵢ² xᵢxᵢᵀ` | 1 | N − K |
/// | HC1 | `Σ uᵢ² xᵢxᵢᵀ` | N/(N−K) | N − K |
/// | HC2 | `Σ uᵢ²/(1−hᵢᵢ) xᵢxᵢᵀ` | 1 | N − K |
/// | HC3 | `Σ uᵢ²/(1−hᵢᵢ)² xᵢxᵢᵀ` | 1 | N − K |
/// | CR1 | `Σ_g s_g s_gᵀ` | G/(G−1)·(N−1)/(N−K) | G − 1 |
/// | two-way | `c_a V_a + c_b V_b − c_ab V_ab` | each its own G | min(G_a,G_b) − 1 |
///
/// with `uᵢ = wᵢeᵢ` and `s_g = Σ_{i∈g} xᵢuᵢ`.
public enum CovarianceEstimator {
    /// Clusters below this count get a warning (Cameron & Miller 2015, §VI: "few clusters").
    public static let fewClustersThreshold = 30

    /// The covariance of the given type.
    ///
    /// - Parameters:
    ///   - clusters: one `ClusterVariable` per name in `type.clusterVariables` (matched by name;
    ///     a missing one is a programmer error).
    ///   - leverage: precomputed `hᵢᵢ` for HC2/HC3, computed here when `nil`.
    /// - Throws: `InferenceError` for a single cluster, no residual df, leverage 1, or a
    ///   clustering dimension count other than 1 or 2; `LinearAlgebraError` if an eigen
    ///   decomposition fails.
    public static func estimate(
        _ type: CovarianceType, components: SandwichComponents,
        clusters: [ClusterVariable] = [], leverage: [Double]? = nil
    ) throws -> CovarianceEstimate {
        let n = components.observationCount
        let k = components.parameterCount
        precondition(k > 0, "A covariance needs at least one coefficient")
        guard n > k else { throw InferenceError.noResidualDegreesOfFreedom(observations: n, parameters: k) }
        let dfResidual = Double(n - k)
        switch type {
        case .classical:
            let s2 = components.weightedResidualSumOfSquares() / dfResidual
            return CovarianceEstimate(type: type, matrix: s2 * components.bread, degreesOfFreedom: dfResidual)
        case .hc0, .hc1, .hc2, .hc3:
            let omega = try heteroskedasticWeights(type, components: components, leverage: leverage)
            let v = components.sandwich(meat: components.heteroskedasticMeat(omega))
            return CovarianceEstimate(type: type, matrix: v, degreesOfFreedom: dfResidual)
        case .clustered(let names, let correction):
            guard names.count == 1 || names.count == 2 else {
                throw InferenceError.unsupportedClusterDimensions(count: names.count)
            }
            let dims = names.map { name -> ClusterVariable in
                guard let c = clusters.first(where: { $0.name == name }) else {
                    preconditionFailure("No cluster codes were supplied for '\(name)'")
                }
                return c
            }
            for d in dims where d.count < 2 { throw InferenceError.singleCluster(variable: d.name) }
            let warnings = dims.compactMap(fewClustersWarning)
            let u = components.scoreMultipliers()
            if dims.count == 1 {
                let v = oneWay(dims[0], components: components, multipliers: u, correction: correction)
                return CovarianceEstimate(
                    type: type, matrix: v, degreesOfFreedom: Double(dims[0].count - 1),
                    clusterCounts: [dims[0].count], warnings: warnings)
            }
            return try twoWay(
                type, dims[0], dims[1], components: components, multipliers: u,
                correction: correction, warnings: warnings)
        }
    }

    /// Per-observation meat weights `ωᵢ` of the HC family (statsmodels `het_scale`).
    static func heteroskedasticWeights(
        _ type: CovarianceType, components: SandwichComponents,
        leverage: [Double]?
    ) throws -> [Double] {
        let u = components.scoreMultipliers()
        var omega = u.map { $0 * $0 }
        switch type {
        case .hc0:
            break
        case .hc1:
            // HC1: degrees-of-freedom scaling N/(N−K) (Hinkley 1977; MacKinnon & White 1985, §2).
            let factor = Double(components.observationCount) / Double(components.residualDegreesOfFreedom)
            for i in omega.indices { omega[i] *= factor }
        case .hc2, .hc3:
            let h = leverage ?? components.leverage()
            precondition(h.count == omega.count, "One leverage per observation is required")
            // hᵢᵢ within rounding of 1 means the observation is fitted exactly; dividing would blow up.
            let ones = h.reduce(0) { $0 + ($1 > 1 - 1e-10 ? 1 : 0) }
            if ones > 0 { throw InferenceError.leverageOfOne(rows: ones) }
            // HC2 divides by 1 − hᵢᵢ (unbiased under homoskedasticity); HC3 by (1 − hᵢᵢ)², the
            // jackknife approximation (MacKinnon & White 1985, §2; statsmodels cov_HC2/cov_HC3).
            if type == .hc2 {
                for i in omega.indices { omega[i] /= 1 - h[i] }
            } else {
                for i in omega.indices { omega[i] /= (1 - h[i]) * (1 - h[i]) }
            }
        default:
            preconditionFailure("Not an HC covariance type: \(type)")
        }
        return omega
    }

    /// One-way cluster covariance `c · B (Σ_g s_g s_gᵀ) B`.
    static func oneWay(
        _ cluster: ClusterVariable, components: SandwichComponents, multipliers u: [Double],
        correction: SmallSampleCorrection
    ) -> Matrix {
        let v = components.sandwich(meat: components.clusterMeat(cluster, multipliers: u))
        return clusterFactor(clusters: cluster.count, components: components, correction: correction) * v
    }

    /// `G/(G−1) · (N−1)/(N−K)` for `.stata`, 1 for `.none`.
    static func clusterFactor(
        clusters g: Int, components: SandwichComponents,
        correction: SmallSampleCorrection
    ) -> Double {
        switch correction {
        case .none:
            return 1
        case .stata:
            // Stata's regress factor (Stata [R] regress, Methods and formulas; statsmodels cov_cluster
            // with use_correction=True): G/(G−1) for the finite number of clusters times (N−1)/(N−K).
            let n = Double(components.observationCount)
            let k = Double(components.parameterCount)
            let gd = Double(g)
            return gd / (gd - 1) * (n - 1) / (n - k)
        }
    }

    /// The few-clusters warning for `cluster`, or nil with 30 or more clusters.
    static func fewClustersWarning(_ cluster: ClusterVariable) -> String? {
        guard cluster.count < fewClustersThreshold else { return nil }
        return "Only \(cluster.count) clusters in '\(cluster.name)': cluster-robust standard errors tend to be too "
            + "small with fewer than \(fewClustersThreshold) clusters. CR2 (Bell–McCaffrey) or CR3 standard errors, "
            + "or the wild cluster bootstrap, are better choices."
    }
}
