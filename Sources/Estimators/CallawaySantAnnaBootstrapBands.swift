import Inference

/// Callaway–Sant'Anna effects with multiplier-bootstrap standard errors, pointwise intervals and a
/// simultaneous (uniform) confidence band, as R `did` reports with `bstrap = TRUE, cband = TRUE`.
///
/// For each row j with bootstrap SE se_j:
///
///     pointwise:    θ̂_j ± z_{1−α/2}·se_j
///     simultaneous: θ̂_j ± c·se_j,   c = q̂_{1−α}( max_j |Δ_bj / se_j| )
///
/// so the band covers every row's true effect jointly with probability ≈ 1 − α (Callaway &
/// Sant'Anna 2021, §4.1 and Algorithm 1). As did's `aggte`, a band is never narrower than the
/// pointwise intervals: if c < z (Monte Carlo noise with one or two rows) the band uses z and says so.
public struct CallawaySantAnnaBootstrapBands: Sendable, Equatable {
    /// What the band covers.
    public enum Target: Sendable, Equatable {
        /// ATT(g,t) cells: all (did's `att_gt` band) or post-treatment only (t ≥ g).
        case groupTime(postTreatmentOnly: Bool)
        /// The elements of an aggregation (did's `aggte` band; none for `simple`).
        case aggregate(CallawaySantAnnaAggregate.Kind)
    }

    /// One effect with its bootstrap inference.
    public struct Row: Sendable, Equatable {
        /// The period t (ATT(g,t) rows), event time, cohort or calendar period; `nil` for an
        /// aggregation's overall effect.
        public let label: Double?
        /// The cohort g of an ATT(g,t) row; `nil` for aggregation rows.
        public let cohort: Double?
        /// The estimate.
        public let estimate: Double
        /// The analytic influence-function SE, for comparison.
        public let analyticStandardError: Double?
        /// The bootstrap SE (normalized IQR); `nil` for a degenerate row (e.g. a universal-base
        /// reference cell), which is left out of the band as did leaves it out (`NA`).
        public let standardError: Double?
        /// θ̂ ± z_{1−α/2}·se.
        public let pointwise: ClosedRange<Double>?
        /// θ̂ ± c·se, the simultaneous band; for an overall effect the same as `pointwise`.
        public let simultaneous: ClosedRange<Double>?
    }

    /// What the band covers.
    public let target: Target
    /// The identifying choices of the estimates.
    public let specification: CallawaySantAnnaSpecification
    /// The rows in the band: cells (cohort, then period ascending) or aggregation elements.
    public let rows: [Row]
    /// The overall effect of an aggregation (outside the band); `nil` for ATT(g,t).
    public let overall: Row?
    /// Coverage 1 − α of the intervals and the band.
    public let level: Double
    /// z_{1−α/2}, the pointwise critical value.
    public let pointwiseCriticalValue: Double
    /// The sup-t quantile c as estimated; `nil` when no row has a standard error.
    public let simultaneousCriticalValue: Double?
    /// The critical value the band uses: max(c, z_{1−α/2}).
    public let bandCriticalValue: Double?
    /// The bootstrap draws: one column per row, then the overall effect's column if any.
    public let draws: MultiplierBootstrapDraws
    /// Name of the cluster variable whose clusters share a multiplier; `nil` = one per unit.
    public let clusterName: String?
    /// Remarks about the band (a critical value below z or too large to trust, few clusters).
    public let warnings: [String]

    /// Number of replicates B.
    public var replicates: Int { draws.replicates }
    /// The seed of the draws.
    public var seed: UInt64 { draws.seed }
    /// Number of multipliers per replicate: clusters G, or units n.
    public var clusterCount: Int { draws.clusterCount }
}
