/// A balanced unit × period panel with staggered treatment adoption, stored wide.
///
/// Each unit has one cohort, the first period in which it is treated (`nil` = never treated;
/// the data encode never treated as 0 or missing, as R `did` and Python `csdid` do), and one
/// outcome per period, optionally with covariates for the conditional estimators. This is the
/// input of `CallawaySantAnna` (Callaway & Sant'Anna 2021). Imperfect long data (gaps, dates,
/// treatment indicators) are handled as `PanelInputOptions` and `PanelInputTreatment` say, and
/// what was dropped or mapped is kept in `inputReport`.
public struct StaggeredPanel: Sendable, Equatable {
    /// Unit identifiers, in first-appearance order.
    public let unitIDs: [String]
    /// The distinct periods, ascending.
    public let periods: [Double]
    /// First treated period per unit; `nil` for never-treated units.
    public let cohorts: [Double?]
    /// Outcomes, unit-major: `outcomes[unit * periods.count + period]`.
    public let outcomes: [Double]
    /// Name of the cluster variable, when standard errors are clustered above the unit level.
    public let clusterName: String?
    /// Dense cluster code (0..<G) of each unit, when a cluster variable is given.
    public let clusterOfUnit: [Int]?
    /// Names of the covariates carried for conditional estimators, ascending.
    public let covariateNames: [String]
    /// Covariate values, `covariateValues[c][unit * periods.count + period]` (same layout as `outcomes`).
    public let covariateValues: [[Double]]
    /// Units dropped or recoded and dates mapped while building the panel.
    public let inputReport: PanelInputReport

    /// Number of units.
    public var unitCount: Int { unitIDs.count }

    /// Outcome of `unit` in the period with index `period`.
    public func outcome(unit: Int, period: Int) -> Double { outcomes[unit * periods.count + period] }

    /// Value of covariate `index` (into `covariateNames`) for `unit` in the period with index `period`.
    public func covariate(_ index: Int, unit: Int, period: Int) -> Double {
        covariateValues[index][unit * periods.count + period]
    }

    /// The distinct treated cohorts, ascending.
    public var treatedCohorts: [Double] { Array(Set(cohorts.compactMap { $0 })).sorted() }

    /// A panel from long-format arrays (one entry per unit-period row).
    ///
    /// A cohort of 0 or NaN means never treated. Outcomes and times must be finite. `cluster`
    /// (one id per row, constant within a unit, e.g. team or site) clusters the standard errors
    /// above the unit level; without it they are clustered by unit. `covariates` (name → one value
    /// per row) are carried for the conditional estimators; they must be finite. With
    /// `options.balance = .keepCompleteUnits`, units lacking a row in some period are dropped and
    /// listed in `inputReport` instead of being an error.
    /// - Throws: `StaggeredPanelError` (missing values, unbalanced panel, cohort or cluster not
    ///   constant within a unit, fewer than two periods).
    public init(
        unit: [String], time: [Double], cohort: [Double], outcome: [Double], cluster: [String]? = nil,
        clusterName: String = "cluster", covariates: [String: [Double]] = [:], options: PanelInputOptions = .init()
    ) throws {
        try self.init(
            unit: unit, time: time, cohort: cohort, outcome: outcome, cluster: cluster, clusterName: clusterName,
            covariates: covariates, options: options, report: PanelInputReport())
    }

    /// The array initializer, continuing a report begun by the data-frame initializer.
    init(
        unit: [String], time: [Double], cohort: [Double], outcome: [Double], cluster: [String]?,
        clusterName: String, covariates: [String: [Double]], options: PanelInputOptions, report: PanelInputReport
    ) throws {
        precondition(
            unit.count == time.count && time.count == cohort.count && cohort.count == outcome.count,
            "unit, time, cohort and outcome must have one entry per row")
        let badOutcome = outcome.filter { !$0.isFinite }.count
        if badOutcome > 0 { throw StaggeredPanelError.missingValues(column: "outcome", rows: badOutcome) }
        let badTime = time.filter { !$0.isFinite }.count
        if badTime > 0 { throw StaggeredPanelError.missingValues(column: "time", rows: badTime) }
        for name in covariates.keys.sorted() {
            let values = covariates[name]!
            precondition(values.count == unit.count, "covariate '\(name)' needs one value per row")
            let bad = values.filter { !$0.isFinite }.count
            if bad > 0 { throw StaggeredPanelError.missingValues(column: name, rows: bad) }
        }

        var report = report
        var (unit, time, cohort, outcome, cluster, covariates) = (unit, time, cohort, outcome, cluster, covariates)
        if options.balance == .keepCompleteUnits {
            let rows = Self.rowsOfCompleteUnits(unit: unit, time: time)
            if rows.dropped.count > 0 {
                guard !rows.kept.isEmpty else {
                    throw StaggeredPanelError.noCompleteUnits(units: rows.dropped.count, periods: Set(time).count)
                }
                report.incompleteUnitsDropped = rows.dropped
                let keep = rows.kept
                (unit, time, cohort, outcome) = (
                    keep.map { unit[$0] }, keep.map { time[$0] }, keep.map { cohort[$0] }, keep.map { outcome[$0] }
                )
                cluster = cluster.map { c in keep.map { c[$0] } }
                covariates = covariates.mapValues { v in keep.map { v[$0] } }
            }
        }
        self.inputReport = report
        var unitIndex: [String: Int] = [:]
        var ids: [String] = []
        for u in unit where unitIndex[u] == nil {
            unitIndex[u] = ids.count
            ids.append(u)
        }
        let periods = Array(Set(time)).sorted()
        guard periods.count >= 2 else { throw StaggeredPanelError.tooFewPeriods(count: periods.count) }
        let periodIndex = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
        let width = periods.count
        var values = [Double](repeating: .nan, count: ids.count * width)
        let covariateNames = covariates.keys.sorted()
        var covariateValues = [[Double]](
            repeating: [Double](repeating: .nan, count: ids.count * width), count: covariateNames.count)
        var seen = [Bool](repeating: false, count: ids.count * width)
        var unitCohort = [Double?](repeating: nil, count: ids.count)
        var cohortSet = [Bool](repeating: false, count: ids.count)
        for r in 0..<unit.count {
            let u = unitIndex[unit[r]]!
            let slot = u * width + periodIndex[time[r]]!
            if seen[slot] {
                throw StaggeredPanelError.unbalancedPanel(
                    units: ids.count, periods: width, rows: unit.count,
                    example: "unit '\(unit[r])' has two rows in period \(time[r])")
            }
            seen[slot] = true
            values[slot] = outcome[r]
            for (c, name) in covariateNames.enumerated() { covariateValues[c][slot] = covariates[name]![r] }
            // 0 and NaN both encode "never treated" (R `did` convention: gname = 0).
            let g: Double? = (cohort[r].isNaN || cohort[r] == 0) ? nil : cohort[r]
            if cohortSet[u] {
                if unitCohort[u] != g { throw StaggeredPanelError.cohortNotConstant(unit: unit[r]) }
            } else {
                unitCohort[u] = g
                cohortSet[u] = true
            }
        }
        if let slot = seen.firstIndex(of: false) {
            throw StaggeredPanelError.unbalancedPanel(
                units: ids.count, periods: width, rows: unit.count,
                example: "unit '\(ids[slot / width])' has no row in period \(periods[slot % width])")
        }
        self.unitIDs = ids
        self.periods = periods
        self.cohorts = unitCohort
        self.outcomes = values
        self.covariateNames = covariateNames
        self.covariateValues = covariateValues
        if let cluster {
            precondition(cluster.count == unit.count, "one cluster id per row")
            var codes = [Int](repeating: -1, count: ids.count)
            var table: [String: Int] = [:]
            for r in 0..<unit.count {
                let u = unitIndex[unit[r]]!
                let code = table[cluster[r]] ?? table.count
                table[cluster[r]] = code
                if codes[u] == -1 {
                    codes[u] = code
                } else if codes[u] != code {
                    throw StaggeredPanelError.clusterNotConstant(unit: unit[r], cluster: clusterName)
                }
            }
            self.clusterName = clusterName
            self.clusterOfUnit = codes
        } else {
            self.clusterName = nil
            self.clusterOfUnit = nil
        }
    }

    /// Rows of units observed in every period (R `did`'s balancing, `BMisc::makeBalancedPanel`),
    /// and the ids of the other units in first-appearance order. Duplicate rows are left for the
    /// balance check to report.
    static func rowsOfCompleteUnits(unit: [String], time: [Double]) -> (kept: [Int], dropped: [String]) {
        let width = Set(time).count
        var periodsOf: [String: Set<Double>] = [:]
        var order: [String] = []
        for (u, t) in zip(unit, time) {
            if periodsOf[u] == nil { order.append(u) }
            periodsOf[u, default: []].insert(t)
        }
        let dropped = order.filter { periodsOf[$0]!.count < width }
        let droppedSet = Set(dropped)
        return (unit.indices.filter { !droppedSet.contains(unit[$0]) }, dropped)
    }

    /// Number of clusters: the cluster variable's distinct values, or the units.
    public var clusterCount: Int { clusterOfUnit.map { ($0.max() ?? -1) + 1 } ?? unitCount }
}
