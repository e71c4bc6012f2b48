import DataFrameModule
import Estimators
import Inference

/// Two-way fixed effects (`y ~ d | unit + time`) as an isolation method: the coefficient of the
/// treatment indicator d (1 in a treated unit's post-training periods) with unit and period
/// effects absorbed.
///
/// Analytic interval: cluster-robust CR1 (`.clustered(by: [cluster])`, Stata `reghdfe …,
/// vce(cluster c)` conventions of `LinearRegression`). Bootstrap: the pairs cluster bootstrap of
/// `ClusterBootstrapFixedEffects` (exact refits from per-cluster sufficient statistics; the unit
/// must be nested in the clusters, and the period effect enters as dummies).
///
/// Caveat, stated in every estimate's notes: with staggered adoption and effects that change over
/// time the TWFE coefficient is a weighted average that can put negative weight on some cells
/// (Goodman-Bacon 2021); triangulate it with Callaway–Sant'Anna, Sun–Abraham or imputation.
public struct IsolationTWFE: IsolationMethod {
    /// Outcome column.
    public let outcome: String
    /// 0/1 treatment column (treated and post-training).
    public let treatment: String
    /// Unit column (absorbed).
    public let unit: String
    /// Period column (absorbed).
    public let time: String
    /// Cluster column (resampled; analytic SEs clustered on it).
    public let cluster: String
    /// The long data.
    public let data: DataFrame

    /// TWFE of `outcome` on `treatment` with `unit` and `time` effects, clustered by `cluster`.
    public init(outcome: String, treatment: String, unit: String, time: String, cluster: String, data: DataFrame) {
        self.outcome = outcome
        self.treatment = treatment
        self.unit = unit
        self.time = time
        self.cluster = cluster
        self.data = data
    }

    public var label: String { "two-way fixed effects (\(treatment) | \(unit) + \(time), clustered by \(cluster))" }
    public var kpi: String { outcome }
    public var providesReplicates: Bool { true }

    /// The formula fitted, with names quoted as the formula language expects.
    var formula: String { "`\(outcome)` ~ `\(treatment)` | `\(unit)` + `\(time)`" }

    /// Fits the TWFE regression and, with `bootstrap`, its fast cluster bootstrap.
    /// - Throws: estimation errors of `LinearRegression.fit` and `ClusterBootstrapFixedEffects`,
    ///   `IsolationError`.
    public func isolate(bootstrap: IsolationBootstrap?) throws -> IsolationEstimate {
        let level = bootstrap?.level ?? 0.95
        let fit = try LinearRegression.fit(formula, data: data, covariance: .clustered(by: [cluster]))
        let row = fit.coefficientTable(level: level).rows.first { $0.name == treatment }
        guard let row else { throw IsolationError.noOverallEffect(method: label) }
        let notes =
            fit.warnings + [
                "TWFE weights the cohort-period effects implicitly; with staggered timing and changing effects "
                    + "it can be biased (Goodman-Bacon 2021)."
            ]
        guard let bootstrap else {
            return IsolationEstimate(
                method: label, kpi: kpi, effect: row.estimate, standardError: row.standardError, lower: row.lower,
                upper: row.upper, level: level, inference: fit.covarianceLabel, notes: notes)
        }
        let model = try ClusterBootstrapFixedEffects(formula, data: data, cluster: cluster)
        guard let j = model.index(of: treatment) else { throw IsolationError.noOverallEffect(method: label) }
        let replicates = model.run(replicates: bootstrap.replicates, seed: bootstrap.seed, threads: bootstrap.threads) {
            coefficients, _ in [coefficients[j]]
        }
        return try IsolationEstimate.fromReplicates(
            method: label, kpi: kpi, effect: row.estimate, replicates: replicates, level: level,
            notes: notes + model.warnings)
    }
}
