import DataFrameModule
import Estimators
import Inference

/// The imputation estimator of Borusyak, Jaravel & Spiess (2024) as an isolation method: the
/// overall effect, the average of the imputed treated-cell effects Y_it − Ŷ_it(0) with Ŷ(0) from
/// unit and period effects fitted on untreated rows (`ImputationEstimator`, pyfixest `did2s`-style
/// imputation), the average effect per treated unit-period under the specification's averaging.
///
/// Analytic interval: the estimator's conservative BJS variance. Bootstrap: pairs cluster bootstrap
/// by refit over the specification's cluster column (`IsolationClusterResample`), failures counted.
public struct IsolationImputation: IsolationMethod {
    /// The imputation specification.
    public let specification: ImputationEstimator.Specification
    /// The long data.
    public let data: DataFrame

    /// The imputation estimator on `data`.
    public init(specification: ImputationEstimator.Specification, data: DataFrame) {
        self.specification = specification
        self.data = data
    }

    public var label: String { "imputation (Borusyak–Jaravel–Spiess, clustered by \(specification.cluster))" }
    public var kpi: String { specification.outcome }
    public var providesReplicates: Bool { true }

    /// Fits the imputation estimator and, with `bootstrap`, its cluster bootstrap by refit.
    /// - Throws: `ImputationEstimatorError` and estimation errors, `IsolationError`.
    public func isolate(bootstrap: IsolationBootstrap?) throws -> IsolationEstimate {
        var spec = specification
        if let bootstrap { spec.level = bootstrap.level }
        let result = try ImputationEstimator.estimate(spec, data: data)
        let overall = result.overall
        guard let bootstrap else {
            return IsolationEstimate(
                method: label, kpi: kpi, effect: overall.estimate, standardError: overall.standardError,
                lower: overall.lower, upper: overall.upper, level: spec.level,
                inference: "BJS conservative variance, clustered by \(spec.cluster)", notes: result.warnings)
        }
        let resample = try IsolationClusterResample(data: data, unit: spec.unit, cluster: spec.cluster)
        let fixed = spec
        let replicates = resample.run(bootstrap) { frame in
            try ImputationEstimator.estimate(fixed, data: frame).overall.estimate
        }
        return try IsolationEstimate.fromReplicates(
            method: label, kpi: kpi, effect: overall.estimate, replicates: replicates, level: bootstrap.level,
            notes: result.warnings)
    }
}
