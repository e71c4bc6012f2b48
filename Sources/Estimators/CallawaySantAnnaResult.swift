import Inference

/// Group-time effects from `CallawaySantAnna.estimate`, with the influence functions the
/// aggregations and their standard errors are built from.
public struct CallawaySantAnnaResult: Sendable {
    /// The identifying choices (control group, anticipation, base period).
    public let specification: CallawaySantAnnaSpecification
    /// ATT(g,t) for each cohort (ascending) and period (ascending).
    public let effects: [GroupTimeEffect]
    /// Influence function of each effect over the panel's units: `influence[cell][unit]`,
    /// scaled as in R `did` (so that SE = sqrt(Σᵢ ψᵢ²)/n).
    public let influence: [[Double]]
    /// Cohort of each unit (`nil` = never treated), in panel order.
    public let unitCohorts: [Double?]
    /// The panel's periods, ascending.
    public let periods: [Double]
    /// Warnings about the data (e.g. a cohort with a single unit).
    public let warnings: [String]

    /// Number of units n.
    public var unitCount: Int { unitCohorts.count }

    /// Analytic SE of an influence function: sqrt(Σᵢ ψᵢ²)/n, i.e. sqrt(mean(ψ²)/n) as R `did`'s
    /// `getSE` with `bstrap = FALSE`; `nil` when it is at most 10·sqrt(machine ε), where R `did`
    /// reports `NA` (`att_gt`: `se[se <= sqrt(.Machine$double.eps)*10] <- NA`).
    static func standardError(_ influence: [Double]) -> Double? {
        var sum = 0.0
        for value in influence { sum += value * value }
        let se = sum.squareRoot() / Double(influence.count)
        return se.isFinite && se > 10 * Double.ulpOfOne.squareRoot() ? se : nil
    }

    /// A one-paragraph summary: the identifying choices, N, cohorts and the warnings.
    public var summary: String {
        let cohorts = Array(Set(unitCohorts.compactMap { $0 })).sorted()
        let never = unitCohorts.filter { $0 == nil }.count
        var lines = [
            "Callaway & Sant'Anna (2021) group-time ATT, unconditional (no covariates)",
            specification.summary,
            "units: \(unitCount) (never treated: \(never)); cohorts: "
                + cohorts.map { StatisticsText.compact($0) }.joined(separator: ", ")
                + "; periods: \(periods.count)",
            "standard errors: analytic, from the influence function, clustered by unit; pointwise intervals",
        ]
        lines += warnings.map { "warning: \($0)" }
        return lines.joined(separator: "\n")
    }
}
