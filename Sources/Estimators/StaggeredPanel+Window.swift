extension StaggeredPanel {
    /// A panel from its stored parts (used to restrict a panel to some of its units).
    init(
        unitIDs: [String], periods: [Double], cohorts: [Double?], outcomes: [Double], clusterName: String?,
        clusterOfUnit: [Int]?, covariateNames: [String], covariateValues: [[Double]], inputReport: PanelInputReport
    ) {
        self.unitIDs = unitIDs
        self.periods = periods
        self.cohorts = cohorts
        self.outcomes = outcomes
        self.clusterName = clusterName
        self.clusterOfUnit = clusterOfUnit
        self.covariateNames = covariateNames
        self.covariateValues = covariateValues
        self.inputReport = inputReport
    }

    /// Whether covariate `index` takes more than one value within some unit.
    func covariateVaries(_ index: Int) -> Bool {
        let width = periods.count
        let values = covariateValues[index]
        return unitIDs.indices.contains { u in
            let first = values[u * width]
            return (1..<width).contains { values[u * width + $0] != first }
        }
    }

    /// The panel as R `did`'s pre-processing leaves it for anticipation δ: units first treated
    /// after the last period + δ count as never treated (did recodes their cohort to 0), and units
    /// treated at or before the first period + δ are dropped (they have no untreated base period;
    /// did: "Dropped N units that were already treated in the first period"). Both are reported.
    public func restrictedToWindow(anticipation: Int) -> StaggeredPanel {
        let delta = Double(anticipation)
        let first = periods[0]
        let last = periods[periods.count - 1]
        var report = inputReport
        var cohorts = self.cohorts
        for (i, g) in cohorts.enumerated() {
            if let g, g > last + delta {
                cohorts[i] = nil
                report.unitsTreatedAfterWindow.append(unitIDs[i])
            }
        }
        let keeps = cohorts.map { g in g.map { $0 > first + delta } ?? true }
        let kept = unitIDs.indices.filter { keeps[$0] }
        report.alwaysTreatedUnitsDropped = unitIDs.indices.filter { !keeps[$0] }.map { unitIDs[$0] }
        let width = periods.count
        func rows(_ values: [Double]) -> [Double] { kept.flatMap { values[($0 * width)..<($0 * width + width)] } }
        var clusters: [Int]? = nil
        if let clusterOfUnit {
            // Re-number the clusters that keep at least one unit, densely in order of appearance.
            var table: [Int: Int] = [:]
            clusters = kept.map { i in
                let code = table[clusterOfUnit[i]] ?? table.count
                table[clusterOfUnit[i]] = code
                return code
            }
        }
        return StaggeredPanel(
            unitIDs: kept.map { unitIDs[$0] }, periods: periods, cohorts: kept.map { cohorts[$0] },
            outcomes: rows(outcomes), clusterName: clusterName, clusterOfUnit: clusters, covariateNames: covariateNames,
            covariateValues: covariateValues.map(rows), inputReport: report)
    }
}
