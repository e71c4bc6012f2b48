import Estimators

/// Trend-line projection (interrupted time series) as an isolation method: the mean over the
/// observed post-interruption periods of the modelled effect β2 + β3·(t − T0),
///
///     effect = β2 + β3·mean_{t ≥ T0}(t − T0),
///
/// the average gap between the series and its extrapolated pre-trend (Wagner et al. 2002), with
/// its Newey–West SE and normal interval from `InterruptedTimeSeriesResult.linearCombination`.
/// Analytic only: no bootstrap replicates (a block bootstrap of the segmented regression is not
/// implemented), so `providesReplicates` is false and a bootstrap request is ignored and noted.
public struct IsolationInterruptedTimeSeries: IsolationMethod {
    /// Periods of the series.
    public let time: [Double]
    /// The KPI series (e.g. the trained group's monthly mean).
    public let outcome: [Double]
    /// Interruption, lag and level.
    public let specification: InterruptedTimeSeriesSpecification
    /// The KPI's name.
    public let kpi: String

    /// The trend projection of `outcome` over `time`.
    public init(time: [Double], outcome: [Double], specification: InterruptedTimeSeriesSpecification, kpi: String) {
        self.time = time
        self.outcome = outcome
        self.specification = specification
        self.kpi = kpi
    }

    public var label: String { "trend-line projection (interrupted time series at \(specification.interruption))" }
    public var providesReplicates: Bool { false }

    /// Fits the segmented regression and averages the modelled effect over the post periods.
    /// - Throws: `InterruptedTimeSeriesError`, `LinearAlgebraError`.
    public func isolate(bootstrap: IsolationBootstrap?) throws -> IsolationEstimate {
        let fit = try InterruptedTimeSeries.fit(time: time, outcome: outcome, specification: specification)
        let since = fit.times.filter { $0 >= specification.interruption }.map { $0 - specification.interruption }
        let meanSince = since.reduce(0, +) / Double(since.count)
        let estimate = fit.linearCombination([0, 0, 1, meanSince], label: "mean post-interruption effect")
        var notes: [String] = []
        if bootstrap != nil {
            notes.append("The trend projection has no bootstrap; its interval is the Newey–West normal interval.")
        }
        return IsolationEstimate(
            method: label, kpi: kpi, effect: estimate.estimate, standardError: estimate.standardError,
            lower: estimate.lower, upper: estimate.upper, level: specification.level, inference: fit.covarianceLabel,
            notes: notes)
    }
}
