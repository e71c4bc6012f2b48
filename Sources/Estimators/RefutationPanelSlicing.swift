/// Altered copies of a staggered panel for the refutation checks: a subset of units and periods,
/// or new cohorts, without going back through the long-format constructor.
extension StaggeredPanel {
    /// The panel restricted to `units` and `periods` (indices, ascending) with `cohorts` (one per kept
    /// unit) as the new cohorts; clusters are kept and recoded densely in order of first appearance.
    init(slicing base: StaggeredPanel, units: [Int], periods: [Int], cohorts: [Double?]) {
        precondition(cohorts.count == units.count, "one cohort per kept unit")
        precondition(periods.count >= 2, "a panel needs at least two periods")
        unitIDs = units.map { base.unitIDs[$0] }
        self.periods = periods.map { base.periods[$0] }
        self.cohorts = cohorts
        var values: [Double] = []
        values.reserveCapacity(units.count * periods.count)
        for u in units {
            for p in periods { values.append(base.outcome(unit: u, period: p)) }
        }
        outcomes = values
        clusterName = base.clusterName
        if let codes = base.clusterOfUnit {
            var table: [Int: Int] = [:]
            clusterOfUnit = units.map { u in
                let code = table[codes[u]] ?? table.count
                table[codes[u]] = code
                return code
            }
        } else {
            clusterOfUnit = nil
        }
    }

    /// The same panel with each unit's cohort replaced (outcomes are shared, not copied).
    init(reassigning base: StaggeredPanel, cohorts: [Double?]) {
        precondition(cohorts.count == base.unitCount, "one cohort per unit")
        unitIDs = base.unitIDs
        periods = base.periods
        self.cohorts = cohorts
        outcomes = base.outcomes
        clusterName = base.clusterName
        clusterOfUnit = base.clusterOfUnit
    }
}
