import Distributions
import Estimators
import Inference

/// Callaway & Sant'Anna (2021) staggered difference-in-differences as an isolation method: the
/// simple aggregate ATT,
///
///     θ = Σ_{(g,t): t ≥ g} n_g·ATT(g,t) / Σ_{(g,t): t ≥ g} n_g,
///
/// the average effect per treated unit-period (R `did::aggte(type = "simple")`).
///
/// Analytic interval: θ̂ ± z·SE from the influence function (did's `bstrap = FALSE`). Bootstrap: the
/// multiplier bootstrap of the influence function (did's `mboot`, one Rademacher multiplier per
/// unit or per cluster), whose replicates θ̂ + Δ_b (Δ_b = (1/n)Σ_c V_bc S_c) are the effect's
/// replicates; the percentile interval of θ̂ + Δ_b then carries into the ROI chain. Replicate b
/// draws from `RandomStream(seed, b)`, so the result does not depend on the thread count.
public struct IsolationCallawaySantAnna: IsolationMethod {
    /// The wide panel (unit × period), clustered as the bootstrap should be.
    public let panel: StaggeredPanel
    /// Control group, anticipation, base period, covariates.
    public let specification: CallawaySantAnnaSpecification
    /// The KPI's name (the panel holds one outcome).
    public let kpi: String

    /// Callaway–Sant'Anna on `panel`, reported under the KPI name `kpi`.
    public init(panel: StaggeredPanel, specification: CallawaySantAnnaSpecification = .init(), kpi: String) {
        self.panel = panel
        self.specification = specification
        self.kpi = kpi
    }

    public var label: String { "Callaway–Sant'Anna (simple ATT, \(specification.controlGroup.label) controls)" }
    public var providesReplicates: Bool { true }

    /// Estimates ATT(g,t), aggregates them and, with `bootstrap`, runs the multiplier bootstrap.
    /// - Throws: `StaggeredPanelError` from `CallawaySantAnna.estimate`, `IsolationError`.
    public func isolate(bootstrap: IsolationBootstrap?) throws -> IsolationEstimate {
        let result = try CallawaySantAnna.estimate(panel, specification: specification)
        let simple = result.aggregate(.simple)
        let notes = result.warnings
        guard let bootstrap else {
            guard let se = simple.overallStandardError else { throw IsolationError.noOverallEffect(method: label) }
            let level = 0.95
            let z = Normal().quantile(1 - (1 - level) / 2)
            return IsolationEstimate(
                method: label, kpi: kpi, effect: simple.overall, standardError: se, lower: simple.overall - z * se,
                upper: simple.overall + z * se, level: level, inference: "influence function, normal interval",
                notes: notes)
        }
        let bands = result.bootstrapBands(
            .simple,
            options: .init(
                seed: bootstrap.seed, replicates: bootstrap.replicates, level: bootstrap.level, threads: bootstrap.threads))
        // The simple aggregation has no elements: the overall effect is the draws' last (only) column.
        let deviations = bands.draws.deviations(bands.draws.statisticCount - 1)
        let clusters = result.clusterName.map { "\($0), G = \(bands.clusterCount)" } ?? "units, n = \(result.unitCount)"
        let replicates = BootstrapReplicates(
            replicates: bands.replicates, statisticCount: 1, values: deviations.map { simple.overall + $0 }, failed: 0,
            seed: bootstrap.seed, scheme: "multiplier bootstrap (\(bands.draws.weights.label), \(clusters))")
        return try IsolationEstimate.fromReplicates(
            method: label, kpi: kpi, effect: simple.overall, replicates: replicates, level: bootstrap.level,
            notes: notes + bands.warnings)
    }
}
