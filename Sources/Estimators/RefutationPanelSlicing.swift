/// Altered copies of a staggered panel for the refutation checks: a subset of units and periods,
/// or new cohorts, without going back through the long-format constructor. Covariates and the
/// input report travel with the panel.
extension StaggeredPanel {
    /// The panel restricted to `units` and `periods` (indices, ascending) with `cohorts` (one per kept
    /// unit) as the new cohorts; clusters are kept and recoded densely in order of first appearance.
    init(slicing base: StaggeredPanel, units: [Int], periods: [Int], cohorts: [Double?]) {
        precondition(cohorts.count == units.count, "one cohort per kept unit")
        precondition(periods.count >= 2, "a panel needs at least two periods")
        let width = base.periods.count
        func slice(_ values: [Double]) -> [Double] {
            var out: [Double] = []
            out.reserveCapacity(units.count * periods.count)
            for u in units {
                for p in periods { out.append(values[u * width + p]) }
            }
            return out
        }
        var clusters: [Int]? = nil
        if let codes = base.clusterOfUnit {
            var table: [Int: Int] = [:]
            clusters = units.map { u in
                let code = table[codes[u]] ?? table.count
                table[codes[u]] = code
                return code
            }
        }
        self.init(
            unitIDs: units.map { base.unitIDs[$0] }, periods: periods.map { base.periods[$0] }, cohorts: cohorts,
            outcomes: slice(base.outcomes), clusterName: base.clusterName, clusterOfUnit: clusters,
            covariateNames: base.covariateNames, covariateValues: base.covariateValues.map(slice),
            inputReport: base.inputReport)
    }

    /// The same panel with each unit's cohort replaced (outcomes are shared, not copied).
    init(reassigning base: StaggeredPanel, cohorts: [Double?]) {
        precondition(cohorts.count == base.unitCount, "one cohort per unit")
        self.init(
            unitIDs: base.unitIDs, periods: base.periods, cohorts: cohorts, outcomes: base.outcomes,
            clusterName: base.clusterName, clusterOfUnit: base.clusterOfUnit, covariateNames: base.covariateNames,
            covariateValues: base.covariateValues, inputReport: base.inputReport)
    }
}
