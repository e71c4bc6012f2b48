/// Covariate balance between treated and control rows, before and after an adjustment: inverse-probability
/// weighting, nearest-neighbour matching (its matching weights) or any non-negative weights.
///
/// Per covariate: the standardized mean difference `SMD = (x̄₁ − x̄₀) / √((s₁² + s₀²)/2)` and the
/// variance ratio `VR = s₁²/s₀²`. The denominator of the SMD is always the *unweighted* pooled SD, so
/// weighting changes the SMD only through the means (cobalt's default `s.d.denom` from the
/// unadjusted sample; MatchIt `summary` with pooled SDs). Weighted means are `Σwx/Σw`; weighted
/// variances are cobalt's unbiased `Σw(x − x̄)² · Σw / ((Σw)² − Σw²)`. Binary covariates are
/// standardized as well (MatchIt convention; cobalt reports raw differences for them by default).
/// Flags follow common practice (Stuart 2010; Austin 2009): `|SMD| > 0.1`, `VR ∉ [0.5, 2]`.
/// Checked against an independent numpy computation in `datasets/reference/cg_small.json`.
public struct BalanceTable: Sendable, Equatable {
    /// One covariate's balance in one sample.
    public struct Row: Sendable, Equatable {
        /// Design column name.
        public let variable: String
        /// (Weighted) mean among treated rows.
        public let treatedMean: Double
        /// (Weighted) mean among control rows.
        public let controlMean: Double
        /// Standardized mean difference (unweighted pooled SD in the denominator).
        public let standardizedMeanDifference: Double
        /// (Weighted) treated variance over (weighted) control variance; NaN when the control variance is 0.
        public let varianceRatio: Double

        /// `|SMD| > 0.1`.
        public var isMeanImbalanced: Bool { abs(standardizedMeanDifference) > BalanceTable.smdThreshold }
        /// `VR` outside `[0.5, 2]` (or undefined).
        public var isVarianceImbalanced: Bool {
            !(varianceRatio >= BalanceTable.varianceRatioBounds.lowerBound
                && varianceRatio <= BalanceTable.varianceRatioBounds.upperBound)
        }
    }

    /// Threshold above which an |SMD| is flagged.
    public static let smdThreshold = 0.1
    /// Variance ratios outside this range are flagged.
    public static let varianceRatioBounds = 0.5...2.0

    /// The weighting target of the "after" columns.
    public let target: ControlGroupEffect
    /// The adjustment whose weights give the "after" columns.
    public let adjustment: BalanceAdjustment
    /// Balance in the raw sample.
    public let before: [Row]
    /// Balance after the ``adjustment`` (weighted means and variances; the SMD keeps the raw pooled SD).
    public let after: [Row]
    /// Kish effective sample sizes `(Σw)²/Σw²` after weighting (treated, control); for matching, the
    /// matched units with their matching weights.
    public let effectiveSampleSize: (treated: Double, control: Double)

    /// Covariates flagged before weighting.
    public var flaggedBefore: [String] { before.filter { $0.isMeanImbalanced || $0.isVarianceImbalanced }.map(\.variable) }
    /// Covariates still flagged after weighting.
    public var flaggedAfter: [String] { after.filter { $0.isMeanImbalanced || $0.isVarianceImbalanced }.map(\.variable) }

    /// A table from computed rows; `adjustment` defaults to IPW for `target`, the original meaning.
    init(
        target: ControlGroupEffect, adjustment: BalanceAdjustment? = nil, before: [Row], after: [Row],
        effectiveSampleSize: (treated: Double, control: Double)
    ) {
        self.target = target
        self.adjustment = adjustment ?? .inverseProbabilityWeighting(target)
        self.before = before
        self.after = after
        self.effectiveSampleSize = effectiveSampleSize
    }

    /// Equal when target, adjustment, rows and effective sample sizes are equal (tuples are not `Equatable`).
    public static func == (a: BalanceTable, b: BalanceTable) -> Bool {
        a.target == b.target && a.adjustment == b.adjustment && a.before == b.before && a.after == b.after
            && a.effectiveSampleSize == b.effectiveSampleSize
    }
}
