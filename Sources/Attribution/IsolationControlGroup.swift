import DataFrameModule
import Estimators
import Inference

/// A control-group comparison (`ControlGroupComparison`) as an isolation method: regression
/// adjustment or IPW for the effect on the trained (ATT), or AIPW (doubly robust; the estimator
/// gives the ATE only, so the label says so).
///
/// Analytic interval: the estimator's HC0 sandwich of the stacked moment conditions (statsmodels
/// `TreatmentEffect`). Bootstrap: stratified pairs bootstrap by refit (`ResamplingPlan.stratified`
/// by the treatment column, so both arms keep their sizes; Davison & Hinkley 1997, §3.2), which
/// re-fits the propensity and outcome models in every replicate; a replicate whose refit fails
/// (e.g. perfect separation) is counted. Nearest-neighbour matching is not offered here: the naive
/// bootstrap is invalid for it (Abadie & Imbens 2008); `IsolationMatching` uses a weighted bootstrap.
public struct IsolationControlGroup: IsolationMethod {
    /// The estimator of the comparison.
    public let method: ControlGroupMethod
    /// The data, one row per person.
    public let data: DataFrame
    /// Outcome column.
    public let outcome: String
    /// 0/1 treatment column.
    public let treatment: String
    /// Covariate terms of the propensity and outcome models.
    public let covariates: [String]

    /// A comparison of `outcome` between trained and untrained rows, adjusted for `covariates`.
    public init(
        method: ControlGroupMethod, data: DataFrame, outcome: String, treatment: String, covariates: [String]
    ) {
        precondition(!covariates.isEmpty, "a control-group comparison needs at least one covariate")
        self.method = method
        self.data = data
        self.outcome = outcome
        self.treatment = treatment
        self.covariates = covariates
    }

    public var label: String {
        let target = method == .augmentedInverseProbabilityWeighting ? "ATE" : "ATT"
        return "control group, \(method) (\(target); covariates \(covariates.joined(separator: ", ")))"
    }
    public var kpi: String { outcome }
    public var providesReplicates: Bool { true }

    /// The estimate on `frame`.
    static func estimate(
        _ method: ControlGroupMethod, frame: DataFrame, outcome: String, treatment: String, covariates: [String]
    ) throws -> ControlGroupEstimate {
        let comparison = try ControlGroupComparison(
            data: frame, outcome: outcome, treatment: treatment, covariates: covariates)
        switch method {
        case .regressionAdjustment: return try comparison.regressionAdjustment(.averageTreatmentEffectOnTreated)
        case .inverseProbabilityWeighting:
            return try comparison.inverseProbabilityWeighting(.averageTreatmentEffectOnTreated)
        case .augmentedInverseProbabilityWeighting: return try comparison.augmentedInverseProbabilityWeighting()
        }
    }

    /// Fits the comparison and, with `bootstrap`, its stratified pairs bootstrap by refit.
    /// - Throws: `ControlGroupError` and model errors, `IsolationError`.
    public func isolate(bootstrap: IsolationBootstrap?) throws -> IsolationEstimate {
        let (method, outcome, treatment, covariates, data) = (method, outcome, treatment, covariates, data)
        let result = try Self.estimate(method, frame: data, outcome: outcome, treatment: treatment, covariates: covariates)
        guard let bootstrap else {
            let interval = result.confidenceInterval(level: 0.95)
            return IsolationEstimate(
                method: label, kpi: kpi, effect: result.effect, standardError: result.standardError,
                lower: interval.lower, upper: interval.upper, level: 0.95, inference: result.covarianceLabel,
                notes: result.warnings)
        }
        let column = try data.column(named: treatment)
        let values = column.numericValues() ?? []
        // Missing treatment values form their own stratum; the refit drops those rows as the fit does.
        let strata = values.indices.map { column.isMissing($0) ? 2 : Int(values[$0]) }
        let replicates = Bootstrap.run(
            plan: .stratified(strata: strata), replicates: bootstrap.replicates, seed: bootstrap.seed,
            threads: bootstrap.threads
        ) { f in
            var rows: [Int] = []
            for (row, count) in f.enumerated() { rows.append(contentsOf: repeatElement(row, count: Int(count.rounded()))) }
            let frame = data.taking(rows: rows)
            return [try Self.estimate(method, frame: frame, outcome: outcome, treatment: treatment, covariates: covariates).effect]
        }
        return try IsolationEstimate.fromReplicates(
            method: label, kpi: kpi, effect: result.effect, replicates: replicates, level: bootstrap.level,
            notes: result.warnings)
    }
}
