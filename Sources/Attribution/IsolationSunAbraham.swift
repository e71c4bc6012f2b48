import DataFrameModule
import Estimators
import Inference

/// Sun & Abraham (2021) interaction-weighted event study as an isolation method: the overall ATT,
/// the average of the post-treatment cohort × event-time effects weighted by each cell's share of
/// treated observations (`SunAbrahamResult.att`; pyfixest/fixest `sunab(…, att = TRUE)`), which is
/// the average effect per treated unit-period in the event window.
///
/// Analytic interval: the estimator's CR1 cluster-robust interval. Bootstrap: pairs cluster
/// bootstrap by refit (`IsolationClusterResample`): each replicate re-estimates the model on the
/// resampled clusters, duplicated clusters' units renumbered; replicates whose refit fails (e.g. a
/// cohort drawn out of the resample) are counted, not dropped silently. Cost: one regression per
/// replicate.
public struct IsolationSunAbraham: IsolationMethod {
    /// The Sun–Abraham specification (its cluster column is resampled).
    public let specification: SunAbrahamSpecification
    /// The long data.
    public let data: DataFrame

    /// Sun–Abraham on `data`.
    public init(specification: SunAbrahamSpecification, data: DataFrame) {
        self.specification = specification
        self.data = data
    }

    public var label: String { "Sun–Abraham (interaction-weighted ATT, clustered by \(specification.cluster))" }
    public var kpi: String { specification.outcome }
    public var providesReplicates: Bool { true }

    /// The overall ATT of a fit on `frame`.
    static func att(_ specification: SunAbrahamSpecification, frame: DataFrame) throws -> Double {
        guard let att = try SunAbraham.estimate(specification, data: frame).att else {
            throw IsolationError.noOverallEffect(method: "Sun–Abraham")
        }
        return att.estimate
    }

    /// Fits the event study and, with `bootstrap`, its cluster bootstrap by refit.
    /// - Throws: errors of `SunAbraham.estimate`, `IsolationError`.
    public func isolate(bootstrap: IsolationBootstrap?) throws -> IsolationEstimate {
        var spec = specification
        if let bootstrap { spec.level = bootstrap.level }
        let result = try SunAbraham.estimate(spec, data: data)
        guard let att = result.att else { throw IsolationError.noOverallEffect(method: label) }
        guard let bootstrap else {
            return IsolationEstimate(
                method: label, kpi: kpi, effect: att.estimate, standardError: att.standardError, lower: att.lower,
                upper: att.upper, level: spec.level, inference: result.covarianceLabel, notes: result.warnings)
        }
        let resample = try IsolationClusterResample(data: data, unit: spec.unit, cluster: spec.cluster)
        let fixed = spec
        let replicates = resample.run(bootstrap) { frame in try Self.att(fixed, frame: frame) }
        return try IsolationEstimate.fromReplicates(
            method: label, kpi: kpi, effect: att.estimate, replicates: replicates, level: bootstrap.level,
            notes: result.warnings)
    }
}
