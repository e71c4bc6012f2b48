/// Which covariance matrix of the coefficients a fit reports: the specification, not the numbers.
///
/// Every case is a small meat function inside the sandwich `V = B M B` with bread
/// `B = (XᵀWX)⁻¹` (R `sandwich`: `sandwich(x, bread., meat.)`); see `CovarianceEstimator`.
/// The `description` is the label printed in every summary and report; the number of clusters
/// is not part of the specification and is added by `CovarianceEstimate.label`
/// (`"Clustered (team_id), G = 30, CR1"`).
public enum CovarianceType: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// `s² (XᵀWX)⁻¹` with `s² = Σ wᵢeᵢ² / (N − K)`: homoskedastic, independent errors.
    case classical
    /// White (1980): meat `Σ wᵢ²eᵢ² xᵢxᵢᵀ`, no small-sample factor.
    case hc0
    /// HC0 × N/(N − K) (MacKinnon & White 1985; Stata `vce(robust)`, statsmodels `HC1`).
    case hc1
    /// Meat weights `wᵢ²eᵢ² / (1 − hᵢᵢ)` (MacKinnon & White 1985).
    case hc2
    /// Meat weights `wᵢ²eᵢ² / (1 − hᵢᵢ)²`, the jackknife approximation (MacKinnon & White 1985).
    case hc3
    /// Cluster-robust (Liang & Zeger 1986; Cameron, Gelbach & Miller 2011) by one, two or three
    /// cluster variables. Several names give the CGM multi-way estimator by inclusion–exclusion
    /// (`V_a + V_b − V_{a∩b}` for two). `correction` chooses CR0/CR1 (any number of dimensions) or
    /// the few-cluster estimators CR2/CR3 (one dimension).
    case clustered(by: [String], correction: SmallSampleCorrection = .stata)

    /// CR2 (Bell–McCaffrey bias-reduced linearization) by one cluster variable:
    /// `.clustered(by: [variable], correction: .cr2)`.
    public static func cr2(by variable: String) -> CovarianceType {
        .clustered(by: [variable], correction: .cr2)
    }

    /// CR3 (cluster jackknife) by one cluster variable: `.clustered(by: [variable], correction: .cr3)`.
    public static func cr3(by variable: String) -> CovarianceType {
        .clustered(by: [variable], correction: .cr3)
    }

    /// The label printed in summaries, without the number of clusters (see `CovarianceEstimate.label`).
    public var description: String {
        switch self {
        case .classical: return "Classical (iid)"
        case .hc0: return "HC0 (heteroskedasticity-robust)"
        case .hc1: return "HC1 (heteroskedasticity-robust)"
        case .hc2: return "HC2 (heteroskedasticity-robust)"
        case .hc3: return "HC3 (heteroskedasticity-robust)"
        case .clustered(let names, let correction):
            return "Clustered (\(names.joined(separator: ", "))), \(correction.shortName)"
        }
    }

    /// The cluster variable names, empty for the non-clustered types.
    public var clusterVariables: [String] {
        if case .clustered(let names, _) = self { return names }
        return []
    }

    /// Whether the type needs the leverages `hᵢᵢ` (HC2, HC3).
    public var needsLeverage: Bool { self == .hc2 || self == .hc3 }
}

/// How a cluster-robust covariance corrects the raw Liang–Zeger sum for small samples.
///
/// Cameron & Miller (2015, §VI.B) list the three standard choices: a scalar factor (CR1), or an
/// adjustment of each cluster's residuals (CR2, CR3) that removes most of the downward bias of
/// CR0/CR1 when clusters are few or unequal. The residual adjustments use the cluster block of
/// the hat matrix `H_gg = X_g (XᵀWX)⁻¹ X_gᵀ W_g`.
public enum SmallSampleCorrection: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// CR1, `G/(G − 1) · (N − 1)/(N − K)`: Stata `regress, vce(cluster)`, statsmodels
    /// `cov_type="cluster"` with `use_correction=True`, R `sandwich::vcovCL(type = "HC1")`.
    case stata
    /// No factor: the raw Liang–Zeger sum (CR0 in Cameron & Miller 2015).
    case none
    /// CR2, bias-reduced linearization (Bell & McCaffrey 2002; Pustejovsky & Tipton 2018): cluster
    /// residuals multiplied by `A_g = B_g^{−1/2}` with the working model Φ = I, which for OLS is
    /// `B_g = I − H_gg`. R `clubSandwich::vcovCR(fit, cluster, type = "CR2")`. One dimension only.
    case cr2
    /// CR3, the cluster jackknife: `A_g = (I − H_gg)⁻¹`, so that `V = Σ_g (b − b₍g₎)(b − b₍g₎)ᵀ`
    /// exactly (Bell & McCaffrey 2002). R `clubSandwich::vcovCR(fit, cluster, type = "CR3")`.
    /// One dimension only.
    case cr3

    /// CR1, the same as `.stata` (the name used by Cameron & Miller 2015 and clubSandwich).
    public static let cr1: SmallSampleCorrection = .stata

    /// The label part: `CR0`, `CR1`, `CR2 (Bell–McCaffrey)`, `CR3 (cluster jackknife)`.
    public var shortName: String {
        switch self {
        case .stata: return "CR1"
        case .none: return "CR0"
        case .cr2: return "CR2 (Bell–McCaffrey)"
        case .cr3: return "CR3 (cluster jackknife)"
        }
    }

    /// Whether the correction adjusts each cluster's residuals (CR2, CR3) rather than scaling the sum.
    public var adjustsResiduals: Bool { self == .cr2 || self == .cr3 }

    /// The correction with its formula, e.g. `CR1: G/(G−1)·(N−1)/(N−K)`.
    public var description: String {
        switch self {
        case .stata: return "CR1: G/(G−1)·(N−1)/(N−K)"
        case .none: return "CR0: no small-sample factor"
        case .cr2: return "CR2: residuals of cluster g times (I − H_gg)^(−1/2) (Bell–McCaffrey)"
        case .cr3: return "CR3: residuals of cluster g times (I − H_gg)^(−1) (cluster jackknife)"
        }
    }
}
