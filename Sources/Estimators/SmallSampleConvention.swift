/// How the small-sample factors of a fit with absorbed fixed effects count parameters and clusters:
/// the one place where each package's convention is written down and chosen.
///
/// Notation: N observations, k estimated slopes (kept columns), fixed-effect factors q with `L_q`
/// levels and `r_q` redundant levels ("references": `r_0 = 0`; `r_q = 1` for q ≥ 1 by default,
/// or exact, see `exactRedundancy`), G clusters. K is the parameter count used in the factors:
///
/// | `fixedEffects` | K |
/// |---|---|
/// | `.none` | k |
/// | `.full` | k + K_fe, with K_fe = Σ_q (L_q − r_q) |
/// | `.nested` | as `.full`, but for clustered covariances every factor nested in a cluster variable (each of its levels inside one cluster) is dropped: K = k + K_fe − Σ_{q nested} (L_q − 1) (exact: K = k + Σ_{q not nested} (L_q − r_q)); K = k + 1 when all are nested |
///
/// The covariance `c · B M B` then uses (fixest `R/VCOV.R`, pyfixest `utils.get_ssc`):
///
/// | type | factor c | t df |
/// |---|---|---|
/// | classical | s² = SSR/(N − 1) · a, a = (N − 1)/(N − K) if `adjustsForParameters` else 1 | N − K |
/// | HC0 | 1 | N − K |
/// | HC1 | a · (N/(N − 1) if `adjustsForClusters` else 1) (= N/(N − K) by default) | N − K |
/// | CR1, one-way | a · (G/(G − 1) if `adjustsForClusters`) | G − 1, or N − K (`tDistribution`) |
/// | CR1, two-way | each of `V_a + V_b − V_ab` times a · G_t/(G_t − 1), G_t = min(G_a, G_b) for all three (`.minimum`) or each term's own count (`.conventional`) | min(G_a, G_b) − 1, or N − K |
///
/// (`CR0`, i.e. `.clustered(by:correction: .none)`, applies no factor at all.)
///
/// Package defaults:
///
/// | package | adj | fixef.K | redundancy | cluster.adj | cluster.df | t.df | singletons |
/// |---|---|---|---|---|---|---|---|
/// | R fixest 0.12 `ssc()` | TRUE | "nested" | Q − 1 (`fixef.force_exact = FALSE`) | TRUE | "min" | "min" | kept |
/// | pyfixest 0.60 `ssc()` | `k_adj=True` | `k_fixef="nonnested"` | Q − 1 | `G_adj=True` | `G_df="min"` | G − 1 | dropped |
/// | Stata `reghdfe` (help file, `dofadjustments(all)`) | yes | nested in clusters dropped | exact for the first pair | yes | smallest G | G − 1 | dropped |
/// | statsmodels OLS with dummy variables | yes | every dummy (rank) | exact (rank) | yes | each term its own G | min(G) − 1 | kept |
///
/// pyfixest's HC1 uses N/(N − K) whenever `k_adj`, regardless of `G_adj`; fixest multiplies
/// (N − 1)/(N − K) by N/(N − 1) only when `cluster.adj` (identical under the defaults). The
/// `reghdfe` row is read from its help file and not checked against Stata here; the preset
/// `.reghdfe` follows it. Singleton removal is a design option (`DesignOptions.dropSingletons`).
public struct SmallSampleConvention: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Which fixed-effect parameters count in K (fixest `fixef.K`, pyfixest `k_fixef`).
    public enum FixedEffectCount: Sendable, Equatable, Hashable {
        /// None: K = k.
        case none
        /// Those not nested in a cluster variable of a clustered covariance (fixest "nested",
        /// pyfixest "nonnested"): a nested factor's levels are already absorbed by the clusters.
        case nested
        /// All of them.
        case full
    }

    /// Which number of clusters enters G/(G − 1) with two-way clustering (fixest `cluster.df`).
    public enum ClusterCount: Sendable, Equatable, Hashable {
        /// min(G_a, G_b) for all three terms.
        case minimum
        /// Each term its own number of clusters (G_a, G_b, and the non-empty a × b cells).
        case conventional
    }

    /// Degrees of freedom of t tests with a clustered covariance (fixest `t.df`).
    public enum ClusteredDegrees: Sendable, Equatable, Hashable {
        /// min over the cluster variables of G − 1.
        case minimumClusters
        /// N − K, as for the non-clustered types.
        case residual
    }

    /// Whether to multiply by (N − 1)/(N − K) (fixest `adj`, pyfixest `k_adj`).
    public var adjustsForParameters: Bool
    /// Which fixed-effect parameters count in K (fixest `fixef.K`).
    public var fixedEffects: FixedEffectCount
    /// Whether to multiply by G/(G − 1) for clustered (and N/(N − 1) for HC1) covariances
    /// (fixest `cluster.adj`, pyfixest `G_adj`).
    public var adjustsForClusters: Bool
    /// Which G with two-way clustering (fixest `cluster.df`, pyfixest `G_df`).
    public var clusterCount: ClusterCount
    /// t degrees of freedom with clusters (fixest `t.df`).
    public var clusteredDegrees: ClusteredDegrees
    /// Whether redundant levels are counted exactly (fixest `fixef.force_exact`): for the first two
    /// factors, the number of connected components of their bipartite graph of levels (Abowd,
    /// Creecy & Kramarz 2002; Gaure 2013); each further factor counts one redundant level, a lower
    /// bound on the true redundancy. When false, `r_q = 1` for every factor after the first.
    public var exactRedundancy: Bool

    /// A convention from its parts.
    public init(
        adjustsForParameters: Bool = true, fixedEffects: FixedEffectCount = .nested, adjustsForClusters: Bool = true,
        clusterCount: ClusterCount = .minimum, clusteredDegrees: ClusteredDegrees = .minimumClusters,
        exactRedundancy: Bool = false
    ) {
        self.adjustsForParameters = adjustsForParameters
        self.fixedEffects = fixedEffects
        self.adjustsForClusters = adjustsForClusters
        self.clusterCount = clusterCount
        self.clusteredDegrees = clusteredDegrees
        self.exactRedundancy = exactRedundancy
    }

    /// R fixest's default `ssc()`: adj, fixef.K = "nested", cluster.adj, cluster.df = "min",
    /// t.df = "min", fixef.force_exact = FALSE. The workbench default.
    public static let fixest = SmallSampleConvention()
    /// pyfixest 0.60's default `ssc()`; the same numbers as `.fixest` (see the note on HC1 above).
    public static let pyfixest = SmallSampleConvention()
    /// Stata `reghdfe` as its help file describes `dofadjustments(all)`: nested factors dropped,
    /// exact redundancy for the first pair, the smallest G with several cluster variables.
    public static let reghdfe = SmallSampleConvention(exactRedundancy: true)
    /// What a dummy-variable regression in statsmodels (or Stata `regress`) reports: every
    /// identified dummy counts, each two-way term with its own G.
    public static let statsmodels = SmallSampleConvention(
        fixedEffects: .full, clusterCount: .conventional, exactRedundancy: true)

    /// `adj, fixef.K = nested, cluster.adj, cluster.df = min, t.df = min, redundancy Q − 1`.
    public var description: String {
        let k: String
        switch fixedEffects {
        case .none: k = "none"
        case .nested: k = "nested"
        case .full: k = "full"
        }
        return [
            adjustsForParameters ? "adj" : "no adj", "fixef.K = \(k)",
            adjustsForClusters ? "cluster.adj" : "no cluster.adj",
            "cluster.df = \(clusterCount == .minimum ? "min" : "conventional")",
            "t.df = \(clusteredDegrees == .minimumClusters ? "min" : "conventional")",
            "redundancy \(exactRedundancy ? "exact" : "Q − 1")",
        ].joined(separator: ", ")
    }
}
