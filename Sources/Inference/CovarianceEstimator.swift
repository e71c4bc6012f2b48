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
/// | CR2 | `Σ_g s̃_g s̃_gᵀ`, `s̃_g = X_gᵀW_g A_g e_g`, `A_g = B_g^{−1/2}` | 1 | G − 1 |
/// | CR3 | `Σ_g s̃_g s̃_gᵀ`, `A_g = (I − H_gg)⁻¹` | 1 | G − 1 |
/// | two-way | `c_a V_a + c_b V_b − c_ab V_ab` | each its own G | min(G_a,G_b) − 1 |
/// | three-way | `Σ_{S ⊆ {a,b,c}} (−1)^{|S|+1} c_S V_S` over the 7 intersections | each its own G | min G − 1 |
///
/// with `uᵢ = wᵢeᵢ` and `s_g = Σ_{i∈g} xᵢuᵢ`; CR2 and CR3 are in `CovarianceEstimator+BiasReduced`.
public enum CovarianceEstimator {
    /// Clusters below this count get a warning (Cameron & Miller 2015, §VI: "few clusters").
    public static let fewClustersThreshold = ClusterSizeSummary.fewClustersThreshold
    /// The largest number of clustering dimensions (three-way, CGM 2011 §2.3).
    public static let maximumClusterDimensions = 3

    /// The covariance of the given type.
    ///
    /// - Parameters:
    ///   - clusters: one `ClusterVariable` per name in `type.clusterVariables` (matched by name;
    ///     a missing one is a programmer error).
    ///   - leverage: precomputed `hᵢᵢ` for HC2/HC3, computed here when `nil`.
    /// - Throws: `InferenceError` for a single cluster, no residual df, leverage 1, a clustering
    ///   dimension count other than 1–3, CR2/CR3 with more than one dimension, or a CR3 cluster whose
    ///   `I − H_gg` is singular; `LinearAlgebraError` if a factorization fails.
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
            guard (1...maximumClusterDimensions).contains(names.count) else {
                throw InferenceError.unsupportedClusterDimensions(count: names.count)
            }
            if correction.adjustsResiduals && names.count > 1 {
                throw InferenceError.multiwayResidualAdjustment(
                    correction: correction.shortName, dimensions: names.count)
            }
            let dims = names.map { name -> ClusterVariable in
                guard let c = clusters.first(where: { $0.name == name }) else {
                    preconditionFailure("No cluster codes were supplied for '\(name)'")
                }
                precondition(c.codes.count == n, "Cluster '\(name)' has \(c.codes.count) codes for \(n) rows")
                return c
            }
            for d in dims where d.count < 2 { throw InferenceError.singleCluster(variable: d.name) }
            let sizes = dims.map(ClusterSizeSummary.init)
            let warnings = sizes.compactMap { clusterWarning($0, correction: correction) }
            if dims.count > 1 {
                return try multiWay(
                    type, dims, components: components, correction: correction, warnings: warnings,
                    sizes: sizes)
            }
            let cluster = dims[0]
            let df = Double(cluster.count - 1)
            switch correction {
            case .stata, .none:
                let v = oneWay(
                    cluster, components: components, multipliers: components.scoreMultipliers(),
                    correction: correction)
                return CovarianceEstimate(
                    type: type, matrix: v, degreesOfFreedom: df, clusterCounts: [cluster.count],
                    warnings: warnings, clusterSizes: sizes)
            case .cr2:
                let (v, singular) = try biasReduced(cluster, components: components)
                var notes = warnings
                if singular > 0 { notes.append(singularBlockWarning(cluster, blocks: singular)) }
                return CovarianceEstimate(
                    type: type, matrix: v, degreesOfFreedom: df, clusterCounts: [cluster.count],
                    warnings: notes, clusterSizes: sizes)
            case .cr3:
                let v = try jackknife(cluster, components: components)
                return CovarianceEstimate(
                    type: type, matrix: v, degreesOfFreedom: df, clusterCounts: [cluster.count],
                    warnings: warnings, clusterSizes: sizes)
            }
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
        case .none, .cr2, .cr3:
            // CR2/CR3 carry their correction in the residual adjustment, with no scalar factor
            // (clubSandwich `vcovCR`); they never reach here through `estimate`.
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

    /// The few- or unequal-clusters warning for one cluster variable, or nil when its clusters are
    /// many (≥ 30) and of similar size (see `ClusterSizeSummary.cautions` for the thresholds).
    ///
    /// The advice depends on the correction: after CR0/CR1 it names CR2/CR3 and the wild cluster
    /// bootstrap; after CR2/CR3 (which fix the bias of the variance, not the reference distribution)
    /// it names the wild cluster bootstrap and Satterthwaite degrees of freedom.
    static func clusterWarning(_ summary: ClusterSizeSummary, correction: SmallSampleCorrection) -> String? {
        let reasons = summary.cautions
        guard !reasons.isEmpty else { return nil }
        let few = summary.count < ClusterSizeSummary.fewClustersThreshold
        let unequal = few ? Array(reasons.dropFirst()) : reasons
        var text =
            few
            ? "Only \(summary.count) clusters in '\(summary.variable)'"
            : "Clusters in '\(summary.variable)' are unequal in size"
        if !unequal.isEmpty { text += (few ? "; " : ": ") + unequal.joined(separator: "; ") }
        text += ". "
        if correction.adjustsResiduals {
            text +=
                "\(correction.shortName) reduces the bias of the standard errors, but t tests with G − 1 "
                + "degrees of freedom can still over-reject here (Pustejovsky & Tipton 2018; MacKinnon & Webb 2017). "
                + "The wild cluster bootstrap, or CR2 with Satterthwaite degrees of freedom, are better choices for tests."
        } else {
            text +=
                "Cluster-robust standard errors with a scalar correction (CR0/CR1) tend to be too small and t tests "
                + "over-reject in this case (Cameron & Miller 2015; MacKinnon & Webb 2017). CR2 (Bell–McCaffrey) or "
                + "CR3 standard errors, or the wild cluster bootstrap, are better choices."
        }
        return text
    }

    /// The note that CR2 met clusters whose `I − H_gg` is singular and used the pseudo-inverse.
    static func singularBlockWarning(_ cluster: ClusterVariable, blocks: Int) -> String {
        "In \(blocks) cluster(s) of '\(cluster.name)', I − H_gg is singular (a regressor is nonzero only within "
            + "that cluster, e.g. a dummy for it): CR2 used the pseudo-inverse square root there, as R clubSandwich "
            + "does. Coefficients identified only within such clusters have unreliable standard errors."
    }
}
