import DataFrameModule
import Inference

extension StaggeredPanel {
    /// A panel from the columns of a long data frame, with a cohort column.
    ///
    /// Equivalent to `init(data:outcome:unit:time:treatment:cluster:covariates:options:)` with
    /// `treatment: .cohort(cohort)`.
    public init(
        data: DataFrame, outcome: String, unit: String, time: String, cohort: String, cluster: String? = nil,
        covariates: [String] = [], options: PanelInputOptions = .init()
    ) throws {
        try self.init(
            data: data, outcome: outcome, unit: unit, time: time, treatment: .cohort(cohort), cluster: cluster,
            covariates: covariates, options: options)
    }

    /// A panel from the columns of a long data frame.
    ///
    /// The unit column may be of any type; outcome and covariates must be numeric. The time column
    /// is numeric or holds ISO dates: distinct dates become periods 1…T in date order (reported in
    /// `inputReport.periodDates`), and a cohort column must then hold dates too, each mapped to the
    /// first period on or after it (T + 1 when after the last date; reported). `treatment` is a
    /// cohort column (0 or missing = never treated) or a 0/1 indicator from which the cohort (first
    /// treated period) is derived. `cluster` names a column constant within units (team, site) to
    /// cluster the standard errors by; by default they are clustered by unit. `covariates` names
    /// numeric columns carried for the conditional estimators (`CallawaySantAnnaSpecification.covariates`).
    /// - Throws: `StaggeredPanelError` (column not found, non-numeric, missing values, unbalanced
    ///   panel, cohort or cluster not constant within a unit, indicator not 0/1, treatment switching
    ///   off, numeric cohort with a date time column).
    public init(
        data: DataFrame, outcome: String, unit: String, time: String, treatment: PanelInputTreatment,
        cluster: String? = nil, covariates: [String] = [], options: PanelInputOptions = .init()
    ) throws {
        func numeric(_ name: String) throws -> [Double] {
            guard let column = data[name] else { throw StaggeredPanelError.columnNotFound(name: name) }
            guard column.type != .categorical, column.type != .date, let values = column.numericValues() else {
                throw StaggeredPanelError.nonNumericColumn(name: name, type: column.type.description)
            }
            return values
        }
        func complete(_ name: String) throws -> [Double] {
            let values = try numeric(name)
            let missing = values.filter(\.isNaN).count
            if missing > 0 { throw StaggeredPanelError.missingValues(column: name, rows: missing) }
            return values
        }
        guard let unitColumn = data[unit] else { throw StaggeredPanelError.columnNotFound(name: unit) }
        if unitColumn.missingCount > 0 {
            throw StaggeredPanelError.missingValues(column: unit, rows: unitColumn.missingCount)
        }
        let y = try complete(outcome)
        guard let timeColumn = data[time] else { throw StaggeredPanelError.columnNotFound(name: time) }
        if timeColumn.missingCount > 0 {
            throw StaggeredPanelError.missingValues(column: time, rows: timeColumn.missingCount)
        }
        var report = PanelInputReport()
        var t: [Double]
        var periodDays: [Int]? = nil
        if case .date(let days, _) = timeColumn.values {
            // Dates become ordered periods 1…T, so that cohorts, anticipation and event time count periods.
            let distinct = Array(Set(days)).sorted()
            let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, Double($0 + 1)) })
            t = days.map { index[$0]! }
            report.periodDates = distinct.map { ISODate.format(daysSinceEpoch: $0) }
            periodDays = distinct
        } else {
            t = try complete(time)
        }
        let ids = (0..<unitColumn.count).map { unitColumn.text(at: $0) }
        let g: [Double]
        switch treatment {
        case .cohort(let name):
            guard let column = data[name] else { throw StaggeredPanelError.columnNotFound(name: name) }
            if let periodDays {
                g = try Self.cohortPeriods(column, periodDays: periodDays, units: ids, report: &report, time: time)
            } else {
                g = try numeric(name)
            }
        case .indicator(let name):
            let indicator = try complete(name)
            if let bad = indicator.first(where: { $0 != 0 && $0 != 1 }) {
                throw StaggeredPanelError.indicatorNotBinary(column: name, value: bad)
            }
            let label: (Double) -> String = { p in
                periodDays.map { ISODate.format(daysSinceEpoch: $0[Int(p) - 1]) } ?? StatisticsText.compact(p)
            }
            g = try Self.cohortsFromIndicator(unit: ids, time: t, indicator: indicator, periodLabel: label)
        }
        var clusterIDs: [String]? = nil
        if let cluster {
            guard let column = data[cluster] else { throw StaggeredPanelError.columnNotFound(name: cluster) }
            if column.missingCount > 0 {
                throw StaggeredPanelError.missingValues(column: cluster, rows: column.missingCount)
            }
            clusterIDs = (0..<column.count).map { column.text(at: $0) }
        }
        var covariateColumns: [String: [Double]] = [:]
        for name in covariates { covariateColumns[name] = try complete(name) }
        try self.init(
            unit: ids, time: t, cohort: g, outcome: y, cluster: clusterIDs, clusterName: cluster ?? "cluster",
            covariates: covariateColumns, options: options, report: report)
    }

    /// Cohort dates as periods: the 1-based index of the first period date on or after each one
    /// (T + 1 after the last); missing = never treated (0). Off-grid dates are reported.
    static func cohortPeriods(
        _ column: Column, periodDays: [Int], units: [String], report: inout PanelInputReport, time: String
    ) throws -> [Double] {
        guard case .date(let days, let missing) = column.values else {
            // A numeric cohort cannot be placed on a date axis, except the never-treated codes 0/missing.
            if let values = column.numericValues(), values.allSatisfy({ $0.isNaN || $0 == 0 }) {
                return [Double](repeating: 0, count: values.count)
            }
            throw StaggeredPanelError.cohortNotDate(column: column.name, time: time)
        }
        var mapped: [Int: (period: Double, units: Set<String>)] = [:]
        var cohorts = [Double](repeating: 0, count: days.count)
        var periodOfDay: [Int: Int] = [:]  // one search per distinct cohort date
        for r in days.indices where !missing[r] {
            let k = periodOfDay[days[r]] ?? (periodDays.firstIndex { $0 >= days[r] } ?? periodDays.count)
            periodOfDay[days[r]] = k
            cohorts[r] = Double(k + 1)
            if k == periodDays.count || periodDays[k] != days[r] {
                mapped[days[r], default: (Double(k + 1), [])].units.insert(units[r])
            }
        }
        report.cohortDateMappings = mapped.keys.sorted().map { day in
            PanelInputReport.CohortDateMapping(
                cohortDate: ISODate.format(daysSinceEpoch: day), period: mapped[day]!.period,
                units: mapped[day]!.units.count)
        }
        return cohorts
    }

    /// The cohort of each row from a 0/1 treatment indicator: the unit's first period with 1, or 0
    /// (never treated) when it has none.
    /// - Throws: `StaggeredPanelError.treatmentSwitchesOff` when a unit is treated and later untreated.
    static func cohortsFromIndicator(
        unit: [String], time: [Double], indicator: [Double], periodLabel: (Double) -> String
    ) throws -> [Double] {
        var rowsOf: [String: [Int]] = [:]
        var order: [String] = []
        for (r, u) in unit.enumerated() {
            if rowsOf[u] == nil { order.append(u) }
            rowsOf[u, default: []].append(r)
        }
        var cohortOf: [String: Double] = [:]
        for u in order {
            let rows = rowsOf[u]!.sorted { time[$0] < time[$1] }
            var first: Double? = nil
            for r in rows {
                if indicator[r] == 1, first == nil { first = time[r] }
                if indicator[r] == 0, let start = first {
                    throw StaggeredPanelError.treatmentSwitchesOff(
                        unit: u, treatedPeriod: periodLabel(start), untreatedPeriod: periodLabel(time[r]))
                }
            }
            cohortOf[u] = first ?? 0
        }
        return unit.map { cohortOf[$0]! }
    }
}
