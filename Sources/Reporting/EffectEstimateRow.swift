import Distributions

/// One estimated effect as reports show it: a label, the estimate, its standard error, a two-sided
/// p-value and interval, and the number of observations or units behind it.
///
/// Intervals are Wald intervals `estimate ± q·se` whose critical value q the producer states (the
/// normal quantile for influence-function estimators, t(G − 1) for clustered regressions, a
/// bootstrap uniform critical value for simultaneous bands). A reference cell normalised to 0 has no
/// standard error and `reference = true`.
public struct EffectEstimateRow: Codable, Sendable, Equatable {
    /// What the row estimates, e.g. "event time 2", "ATT(2004, 2006)", "AIPW".
    public let label: String
    /// Point estimate.
    public let estimate: Double
    /// Standard error; `nil` for a reference cell or when it is not identified.
    public let standardError: Double?
    /// Two-sided p-value of estimate = 0.
    public let pValue: Double?
    /// Lower end of the interval.
    public let lower: Double?
    /// Upper end of the interval.
    public let upper: Double?
    /// Observations or units behind the estimate, when the estimator reports them.
    public let count: Int?
    /// The row is a normalised reference cell (estimate 0 by construction).
    public let reference: Bool
    /// Lower end of a simultaneous (uniform) band over the rows of its table, when one was computed.
    public var bandLower: Double? = nil
    /// Upper end of the simultaneous band.
    public var bandUpper: Double? = nil

    /// A value from its parts.
    public init(
        label: String, estimate: Double, standardError: Double?, pValue: Double?, lower: Double?, upper: Double?,
        count: Int? = nil, reference: Bool = false
    ) {
        self.label = label
        self.estimate = estimate
        self.standardError = standardError
        self.pValue = pValue
        self.lower = lower
        self.upper = upper
        self.count = count
        self.reference = reference
    }

    /// A row with a normal-theory interval: `estimate ± z·se` with z the (1 + level)/2 normal
    /// quantile, and p = 2·(1 − Φ(|estimate/se|)).
    public static func normal(
        label: String, estimate: Double, standardError: Double?, level: Double, count: Int? = nil
    ) -> EffectEstimateRow {
        guard let se = standardError, se > 0, se.isFinite else {
            return EffectEstimateRow(
                label: label, estimate: estimate, standardError: nil, pValue: nil, lower: nil, upper: nil, count: count)
        }
        let z = Normal().quantile(0.5 + level / 2)
        return EffectEstimateRow(
            label: label, estimate: estimate, standardError: se, pValue: Normal().twoSidedPValue(estimate / se),
            lower: estimate - z * se, upper: estimate + z * se, count: count)
    }
}
