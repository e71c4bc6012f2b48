import Inference
import LinearAlgebra
import ModelSpec

/// The estimate at one event time k of an event study; the reference period is 0 with no
/// standard error.
public struct EventTimeEstimate: Sendable, Equatable {
    /// The event time k = t − cohort (binned endpoints stand for k ≤ −L and k ≥ F).
    public let eventTime: Int
    /// β̂_k (exactly 0 for the reference period, by normalisation).
    public let estimate: Double
    /// Cluster-robust standard error; `nil` for the reference period.
    public let standardError: Double?
    /// t = β̂_k / se; `nil` for the reference period.
    public let statistic: Double?
    /// Two-sided p-value from t with G − 1 df; `nil` for the reference period.
    public let pValue: Double?
    /// Lower confidence limit `β̂_k − t_{1−α/2, G−1} · se`; `nil` for the reference period.
    public let lower: Double?
    /// Upper confidence limit; `nil` for the reference period.
    public let upper: Double?
    /// Treated observations at this (binned) event time in the estimation sample.
    public let observations: Int

    /// Whether this is the omitted reference period.
    public var isReference: Bool { standardError == nil }

    /// The reference period: estimate 0, no standard error or interval.
    static func reference(eventTime: Int, observations: Int) -> EventTimeEstimate {
        EventTimeEstimate(
            eventTime: eventTime, estimate: 0, standardError: nil, statistic: nil, pValue: nil, lower: nil, upper: nil,
            observations: observations)
    }
}

/// The result of `EventStudy.estimate`: the event-time path with intervals, the covariance of the
/// event-time coefficients, the pre-trend test and provenance.
///
/// An immutable value; `summary()` states the identifying choices (reference period, binning,
/// comparison group, covariance, N and clusters), as the `did` package's summaries do.
public struct EventStudyResult: Sendable {
    /// The specification that was estimated.
    public let specification: EventStudySpecification
    /// One entry per event time of the window, in order −L … F, the reference period included.
    public let eventTimes: [EventTimeEstimate]
    /// Covariance of the estimated event-time coefficients, in the order of
    /// `specification.estimatedEventTimes` (the reference period has no row).
    public let covariance: Matrix
    /// Joint Wald test that every lead (k < 0, k ≠ ref) is 0: χ² with q df and F = χ²/q with
    /// (q, G − 1) df; `nil` when the window has no lead besides the reference period.
    public let preTrendTest: WaldTest?
    /// The underlying fixed-effects regression (its coefficient names are the indicator columns).
    public let regression: RegressionFit
    /// Treated rows left out because their relative time lies outside the window (`.drop` only;
    /// they are not in `observations`).
    public let rowsOutsideWindow: Int
    /// Treated units in the estimation sample.
    public let treatedUnits: Int
    /// Never-treated units in the estimation sample.
    public let neverTreatedUnits: Int
    /// The treatment cohorts (first treated periods) in the estimation sample.
    public let cohorts: [Int]

    /// Number of observations used, N.
    public var n: Int { regression.n }
    /// Number of clusters G of the covariance.
    public var clusterCount: Int { regression.covarianceEstimate.clusterCounts.first ?? 0 }
    /// Which rows the regression used and why the others were dropped (rows dropped outside the
    /// window are counted in `rowsOutsideWindow` instead).
    public var observations: ObservationAccount { regression.observations }
    /// The covariance label, e.g. `"Clustered (team), G = 40, CR1"`.
    public var covarianceLabel: String { regression.covarianceLabel }
    /// The estimate at event time `k`, `nil` outside the window.
    public func eventTime(_ k: Int) -> EventTimeEstimate? { eventTimes.first { $0.eventTime == k } }
    /// Warnings of the regression (precision, convergence, covariance).
    public var warnings: [String] { regression.warnings }

    /// The identifying choices in words: reference period, window and binning, comparison group,
    /// anticipation, effect homogeneity, covariance.
    public var assumptions: [String] {
        let spec = specification
        var lines = [
            "Reference period: event time \(spec.referencePeriod) (its coefficient is normalised to 0; all "
                + "estimates are relative to it).",
            "Window: event times \(spec.window.lowerBound) … \(spec.window.upperBound); "
                + (spec.endpoints == .bin
                    ? "treated observations outside it are binned into the endpoints (the end coefficients average "
                        + "all earlier / later event times)."
                    : "treated observations outside it are left out (\(StatisticsText.count(rowsOutsideWindow)) rows)."),
            "Comparison group: never-treated (\(spec.neverTreated)) and not-yet-treated units, implicitly through "
                + "the unit and period fixed effects (TWFE).",
            "Parallel trends of the untreated outcome, and no anticipation: the effect at event time "
                + "\(spec.referencePeriod) is 0 by assumption; the leads test both jointly.",
            "Effects homogeneous across cohorts at each event time; otherwise the TWFE coefficients mix cohorts "
                + "with possibly negative weights (Sun & Abraham 2021).",
        ]
        lines.append("Covariance: \(covarianceLabel); t and F denominator df = G − 1.")
        return lines
    }
}
