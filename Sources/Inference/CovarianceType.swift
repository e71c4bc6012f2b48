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
    /// Cluster-robust (Liang & Zeger 1986; Cameron, Gelbach & Miller 2011) by one or two
    /// cluster variables; two names give the CGM two-way estimator `V_a + V_b − V_{a∩b}`.
    case clustered(by: [String], correction: SmallSampleCorrection = .stata)

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

/// The small-sample factor applied to a cluster-robust covariance.
public enum SmallSampleCorrection: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// `G/(G − 1) · (N − 1)/(N − K)`: Stata `regress, vce(cluster)`, statsmodels
    /// `cov_type="cluster"` with `use_correction=True`, R `sandwich::vcovCL(type = "HC1")`.
    case stata
    /// No factor: the raw Liang–Zeger sum (CR0 in Cameron & Miller 2015).
    case none

    /// `CR1` (with the factor) or `CR0` (without), as in Cameron & Miller (2015, §VI).
    public var shortName: String {
        switch self {
        case .stata: return "CR1"
        case .none: return "CR0"
        }
    }

    public var description: String {
        switch self {
        case .stata: return "CR1: G/(G−1)·(N−1)/(N−K)"
        case .none: return "CR0: no small-sample factor"
        }
    }
}
