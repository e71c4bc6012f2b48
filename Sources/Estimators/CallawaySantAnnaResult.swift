import Inference

/// Group-time effects from `CallawaySantAnna.estimate`, with the influence functions the
/// aggregations and their standard errors are built from.
public struct CallawaySantAnnaResult: Sendable {
    /// The identifying choices (control group, anticipation, base period).
    public let specification: CallawaySantAnnaSpecification
    /// ATT(g,t) for each cohort (ascending) and period (ascending).
    public let effects: [CallawaySantAnnaEffect]
    /// Influence function of each effect over the panel's units: `influence[cell][unit]`,
    /// scaled as in R `did` (so that SE = sqrt(Σᵢ ψᵢ²)/n).
    public let influence: [[Double]]
    /// Cohort of each unit (`nil` = never treated), in panel order.
    public let unitCohorts: [Double?]
    /// The panel's periods, ascending.
    public let periods: [Double]
    /// Name of the cluster variable, or `nil` when clustered by unit.
    public let clusterName: String?
    /// Dense cluster code of each unit, or `nil` when clustered by unit.
    public let unitClusters: [Int]?
    /// Number of clusters G (the units when clustered by unit).
    public let clusterCount: Int
    /// Warnings about the data (e.g. a cohort with a single unit).
    public let warnings: [String]
    /// Units dropped or recoded and dates mapped on the way from the input to the estimate.
    public internal(set) var inputReport = PanelInputReport()

    /// Number of units n.
    public var unitCount: Int { unitCohorts.count }

    /// Analytic SE of an influence function: sqrt(Σᵢ ψᵢ²)/n, i.e. sqrt(mean(ψ²)/n) as R `did`'s
    /// `getSE` with `bstrap = FALSE`, or with clusters sqrt(Σ_c S_c²)/n, S_c = Σ_{i∈c} ψᵢ, with no
    /// small-sample factor (as R `did` and `csdid`'s analytic cluster path); `nil` when it is at
    /// most 10·sqrt(machine ε), where R `did` reports `NA` (`se[se <= sqrt(.Machine$double.eps)*10] <- NA`).
    static func standardError(_ influence: [Double], clusters: [Int]?) -> Double? {
        var sum = 0.0
        if let clusters {
            var totals = [Double](repeating: 0, count: (clusters.max() ?? -1) + 1)
            for (i, value) in influence.enumerated() { totals[clusters[i]] += value }
            for total in totals { sum += total * total }
        } else {
            for value in influence { sum += value * value }
        }
        let se = sum.squareRoot() / Double(influence.count)
        return se.isFinite && se > 10 * Double.ulpOfOne.squareRoot() ? se : nil
    }

    /// The analytic SE of an influence function over this result's units, clustered as the panel was.
    func standardError(_ influence: [Double]) -> Double? {
        Self.standardError(influence, clusters: unitClusters)
    }

    /// A one-paragraph summary: the identifying choices, N, cohorts and the warnings.
    public var summary: String {
        let cohorts = Array(Set(unitCohorts.compactMap { $0 })).sorted()
        let never = unitCohorts.filter { $0 == nil }.count
        var lines = [
            "Callaway & Sant'Anna (2021) group-time ATT, " + specification.estimatorLabel,
            specification.summary,
            "units: \(unitCount) (never treated: \(never)); cohorts: "
                + cohorts.map { StatisticsText.compact($0) }.joined(separator: ", ")
                + "; periods: \(periods.count)",
            "standard errors: analytic, from the influence function, clustered by "
                + (clusterName.map { "\($0), G = \(clusterCount)" } ?? "unit, G = \(unitCount)")
                + "; pointwise intervals",
        ]
        lines += inputReport.notes.map { "note: \($0)" }
        lines += warnings.map { "warning: \($0)" }
        return lines.joined(separator: "\n")
    }
}
