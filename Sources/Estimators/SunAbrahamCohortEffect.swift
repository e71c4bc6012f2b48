/// One cohort-specific effect δ_gk of a Sun & Abraham regression (CATT_{g,k} relative to the
/// reference period) and its weight in the event-time average.
public struct SunAbrahamCohortEffect: Sendable, Equatable {
    /// The cohort × relative-period cell.
    public let cell: SunAbrahamCell
    /// The indicator's column name in `SunAbrahamResult.regression` (e.g. `sa_g5_m2`).
    public let coefficientName: String
    /// δ̂_gk.
    public let estimate: Double
    /// Cluster-robust (CR1) standard error.
    public let standardError: Double
    /// t = δ̂_gk / se.
    public let statistic: Double
    /// Two-sided p-value from t with the covariance's df (G − 1).
    public let pValue: Double
    /// Lower confidence limit.
    public let lower: Double
    /// Upper confidence limit.
    public let upper: Double
    /// n_gk: the cohort's observations at this relative period in the estimation sample.
    public let observations: Int
    /// w_gk = n_gk / Σ_g' n_g'k: the cohort's share at this relative period (Sun & Abraham 2021, eq. 12).
    public let weight: Double

    /// The cohort g.
    public var cohort: Int { cell.cohort }
    /// The relative period k.
    public var eventTime: Int { cell.eventTime }
}
