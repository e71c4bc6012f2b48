import Inference
import LinearAlgebra
import ModelSpec

/// The result of `SunAbraham.estimate`: the interaction-weighted event-time path with its
/// covariance, the overall ATT, the cohort-specific effects and provenance.
///
/// An immutable value; `assumptions` states the identifying choices (control cohort, reference
/// period, window, weights, covariance), as the `did` package's summaries do.
public struct SunAbrahamResult: Sendable {
    /// The specification that was estimated.
    public let specification: SunAbrahamSpecification
    /// One entry per supported event time, ascending, the reference period included (estimate 0,
    /// no standard error).
    public let eventTimes: [EventTimeEstimate]
    /// Covariance `W V Wᵀ` of the estimated event-time effects, in the order of `estimatedEventTimes`
    /// (the reference period has no row); for sensitivity analysis and simultaneous bands.
    public let covariance: Matrix
    /// The ATT over every post-treatment cell (k ≥ 0), each weighted by its observations (fixest
    /// `sunab(att = TRUE)`); `nil` when no cell has k ≥ 0.
    public let att: LinearCombination?
    /// The cohort-specific effects δ_gk, sorted by cohort and relative period.
    public let cohortEffects: [SunAbrahamCohortEffect]
    /// Covariance of the δ̂_gk, aligned with `cohortEffects`.
    public let cohortCovariance: Matrix
    /// Joint Wald test that every aggregated lead ν_k (k < 0, k ≠ ref) is 0: χ² with q df and
    /// F = χ²/q with (q, G − 1) df; `nil` without a lead. It tests parallel trends and no
    /// anticipation jointly, and is not contaminated by effect heterogeneity as TWFE leads are.
    public let preTrendTest: WaldTest?
    /// The saturated fixed-effects regression (its coefficients are the cell indicators).
    public let regression: RegressionFit
    /// The control cohort.
    public let control: SunAbrahamControl
    /// Treated units (outside the control cohort) in the estimation sample.
    public let treatedUnits: Int
    /// Cohorts treated from the first period on: left out (no untreated period), as fixest does.
    public let alwaysTreatedCohorts: [Int]
    /// Rows of the always-treated cohorts (not in `observations`).
    public let alwaysTreatedRows: Int
    /// Treated rows outside the window (`.drop` only; not in `observations`).
    public let rowsOutsideWindow: Int
    /// Event times of the window (without one: between the earliest and latest observed relative
    /// period), other than the reference, without any treated observation in the estimation
    /// sample: they have no estimate.
    public let unsupportedEventTimes: [Int]
    /// Cells whose rows all left the estimation sample (e.g. missing outcomes): no estimate.
    public let unsupportedCells: Int

    /// The event times with an estimate (reference excluded): the rows of `covariance`.
    public var estimatedEventTimes: [Int] { eventTimes.filter { !$0.isReference }.map(\.eventTime) }
    /// The estimate at event time `k`, `nil` if it has none.
    public func eventTime(_ k: Int) -> EventTimeEstimate? { eventTimes.first { $0.eventTime == k } }
    /// The cohort effect of cohort `g` at relative period `k`, `nil` if that cell has none.
    public func cohortEffect(cohort g: Int, eventTime k: Int) -> SunAbrahamCohortEffect? {
        cohortEffects.first { $0.cohort == g && $0.eventTime == k }
    }
    /// The treated cohorts with an effect, ascending.
    public var cohorts: [Int] { Array(Set(cohortEffects.map(\.cohort))).sorted() }
    /// Number of observations used, N.
    public var n: Int { regression.n }
    /// Number of clusters G of the covariance.
    public var clusterCount: Int { regression.covarianceEstimate.clusterCounts.first ?? 0 }
    /// Which rows the regression used and why the others were dropped (rows removed before it are
    /// counted in `alwaysTreatedRows`, `rowsOutsideWindow` and `control`).
    public var observations: ObservationAccount { regression.observations }
    /// The covariance label, e.g. `"Clustered (unit), G = 200, CR1"`.
    public var covarianceLabel: String { regression.covarianceLabel }
    /// Warnings of the regression (precision, convergence, covariance).
    public var warnings: [String] { regression.warnings }

    /// The identifying choices in words: control cohort, reference period, window, weights,
    /// anticipation, covariance.
    public var assumptions: [String] {
        let spec = specification
        var lines = [
            "Control cohort: \(control); every other cohort gets its own effect at each relative period "
                + "(Sun & Abraham 2021 interaction-weighted estimator).",
            "Reference period: relative period \(spec.referencePeriod) of every cohort (effects are relative to it).",
        ]
        if let window = spec.window {
            lines.append(
                "Window: relative periods \(window.lowerBound) … \(window.upperBound); treated rows outside it are "
                    + (spec.endpoints == .bin
                        ? "binned into the endpoints per cohort."
                        : "left out (\(StatisticsText.count(rowsOutsideWindow)) rows)."))
        } else {
            lines.append("Window: every observed relative period has its own cell.")
        }
        if !alwaysTreatedCohorts.isEmpty {
            lines.append(
                "Always-treated cohorts \(alwaysTreatedCohorts.map(String.init).joined(separator: ", ")) left out "
                    + "(\(StatisticsText.count(alwaysTreatedRows)) rows): they have no untreated period.")
        }
        if !unsupportedEventTimes.isEmpty || unsupportedCells > 0 {
            lines.append(
                "Without support (no estimate): event times \(unsupportedEventTimes.map(String.init).joined(separator: ", "))"
                    + (unsupportedCells > 0 ? "; \(unsupportedCells) cells with no observation left" : "") + ".")
        }
        lines.append(
            "Weights: each cohort's share of the treated observations at the event time (estimated shares "
                + "taken as known); ATT over all post-treatment cells by their observations.")
        if !spec.covariates.isEmpty {
            lines.append(
                "Covariates: \(spec.covariates.joined(separator: ", ")), linear and common to all cohorts "
                    + "(their coefficients are in `regression`).")
        }
        lines.append(
            "Parallel trends with the control cohort and no anticipation before relative period "
                + "\(spec.referencePeriod + 1).")
        lines.append("Covariance: \(covarianceLabel); t df = G − 1; aggregates by the delta method.")
        return lines
    }
}
