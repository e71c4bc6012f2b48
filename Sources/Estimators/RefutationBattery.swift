import Distributions
import Foundation

/// A battery of refutation checks for a staggered-adoption estimate: placebo treatment dates,
/// a placebo outcome, randomization inference, leave-one-cohort-out stability and the pre-trend test.
///
/// Each check re-runs `estimator` (default: Callaway–Sant'Anna simple ATT) on an altered panel and
/// returns a `RefutationCheck` with its statistic, p-value or interval and a pass/fail reading at
/// `level`. The checks follow the supplementary analyses of Athey & Imbens (2017, §4) and the
/// staggered-DiD practice of Roth, Sant'Anna, Bilinski & Poe (2023, J. Econometrics 235(2)):
/// a failing check is evidence against the design; passing checks do not prove it.
/// Randomization inference is seeded (`RandomStream`, one stream per permutation), so its p-value
/// is identical on any number of threads; every explanation prints the seed.
public struct RefutationBattery: Sendable {
    /// How randomization inference reshuffles the treatment assignment.
    public enum RandomizationUnit: String, Sendable, Equatable {
        /// Permute cohorts across units (training assigned person by person).
        case units
        /// Permute cohorts across clusters (training assigned team by team); needs a panel with a
        /// cluster variable and one cohort per cluster.
        case clusters
    }

    /// Which units a placebo-date sub-panel compares a cohort with.
    public enum PlaceboComparison: String, Sendable, Equatable {
        /// Never-treated units only (as the default Callaway–Sant'Anna comparison).
        case neverTreated
        /// Never-treated units and the cohorts first treated after the sub-panel's last period
        /// (as a not-yet-treated comparison; needed when no unit is never treated).
        case notYetTreated
    }

    /// The estimator re-run by the checks.
    public var estimator: RefutationEstimator
    /// Confidence level; a check's test is at α = 1 − level (default 0.95).
    public var level: Double
    /// k: placebo treatment dates lie k periods before the real ones (default 1).
    public var placeboShift: Int
    /// Comparison units of the placebo-date check (default never treated); match it to the estimator's.
    public var placeboComparison: PlaceboComparison
    /// R: number of permutations of randomization inference (default 999).
    public var permutations: Int
    /// What randomization inference permutes (default units).
    public var randomization: RandomizationUnit
    /// Seed of randomization inference.
    public var seed: UInt64
    /// Worker threads of randomization inference (default: all cores); results do not depend on it.
    public var threads: Int?
    /// Identifying choices of the Callaway–Sant'Anna fit whose pre-treatment ATT(g,t) the pre-trend
    /// test reads (default: R `did`'s, never treated and varying base).
    public var preTrendSpecification: CallawaySantAnnaSpecification

    /// A battery; traps unless `0 < level < 1`, `placeboShift ≥ 1` and `permutations ≥ 1`.
    public init(
        estimator: RefutationEstimator = .callawaySantAnna(), level: Double = 0.95, placeboShift: Int = 1,
        placeboComparison: PlaceboComparison = .neverTreated, permutations: Int = 999,
        randomization: RandomizationUnit = .units, seed: UInt64 = 20_231_001, threads: Int? = nil,
        preTrendSpecification: CallawaySantAnnaSpecification = .init()
    ) {
        precondition(level > 0 && level < 1, "The confidence level must lie strictly between 0 and 1")
        precondition(placeboShift >= 1, "A placebo date must lie at least one period before the real one")
        precondition(permutations >= 1, "Randomization inference needs at least one permutation")
        precondition(threads.map { $0 >= 1 } ?? true, "At least one thread")
        self.estimator = estimator
        self.level = level
        self.placeboShift = placeboShift
        self.placeboComparison = placeboComparison
        self.permutations = permutations
        self.randomization = randomization
        self.seed = seed
        self.threads = threads
        self.preTrendSpecification = preTrendSpecification
    }

    /// α = 1 − level, the size of each check's test.
    public var alpha: Double { 1 - level }

    /// Runs every check that the panel supports: placebo dates, the placebo outcome (when a panel of
    /// it is given, with the same units and cohorts), randomization inference, leave-one-cohort-out
    /// (with two or more cohorts) and the Callaway–Sant'Anna pre-trend test.
    /// - Throws: the estimator's errors, `RefutationError`.
    ///
    /// A check that cannot be computed on these data (e.g. a pre-trend test with more pre-treatment
    /// cells than clusters) is listed in the report's `unavailable` with its reason; the others still run.
    public func run(_ panel: StaggeredPanel, placeboOutcome: StaggeredPanel? = nil) throws -> RefutationReport {
        let estimate = try estimator.estimate(panel)
        var checks: [RefutationCheck] = []
        var unavailable: [RefutationReport.Unavailable] = []
        func attempt(_ kind: RefutationCheck.Kind, _ body: () throws -> RefutationCheck) {
            do { checks.append(try body()) } catch { unavailable.append(.init(kind: kind, reason: "\(error)")) }
        }
        attempt(.placeboTreatmentDate) { try placeboTreatmentDate(panel) }
        if let placeboOutcome { attempt(.placeboOutcome) { try self.placeboOutcome(placeboOutcome) } }
        attempt(.randomizationInference) { try randomizationInference(panel, observed: estimate.estimate) }
        if panel.treatedCohorts.count >= 2 { attempt(.leaveOneCohortOut) { try leaveOneCohortOut(panel, full: estimate) } }
        attempt(.preTrend) { try preTrend(panel) }
        var report = RefutationReport(estimatorLabel: estimator.label, estimate: estimate, level: level, checks: checks)
        report.unavailable = unavailable
        return report
    }

    /// Two-sided p-value and level interval of an estimate from a panel with G clusters (nil
    /// without a standard error): t = θ̂ / (√(G/(G−1))·se) against Student t with G − 1 df.
    ///
    /// The factor and the df are the CR1 conventions for clustered inference (Stata `vce(cluster)`;
    /// Cameron & Miller 2015, J. Human Resources 50(2), §VI.C): Callaway–Sant'Anna's analytic SE
    /// has no small-sample factor, and with 50 teams its normal tests rejected a true null in
    /// about 8% of simulated panels instead of 5%. With clustering by unit (G = n) they are the normal ones
    /// to within 1/n.
    func inference(_ value: RefutationEstimate, clusters: Int) -> (p: Double, interval: ClosedRange<Double>)? {
        guard let se = value.standardError, se > 0, clusters >= 2 else { return nil }
        let g = Double(clusters)
        let scaled = se * (g / (g - 1)).squareRoot()
        let t = StudentT(degreesOfFreedom: g - 1)
        let half = t.quantile(1 - alpha / 2) * scaled
        return (t.twoSidedPValue(value.estimate / scaled), (value.estimate - half)...(value.estimate + half))
    }

    /// `0.95` as `95%`, for explanations.
    var levelText: String {
        let percent = level * 100
        return percent == percent.rounded() ? "\(Int(percent))%" : String(format: "%.1f%%", percent)
    }
}
