import DataFrameModule
import Reporting

extension StudyReportSections {
    /// How rows are split into the trend plot's groups.
    public enum TrendGrouping: Sendable, Equatable {
        /// A 0/1 treated-group column (time-invariant, e.g. `trained_team`): 1 → "Trained", 0 → "Comparison".
        case treatedGroup(column: String)
        /// A cohort column (first treated period; missing, 0 or ∞ = never treated, the `did`
        /// convention): "Ever trained" vs "Never trained", or with `perCohort` one series per cohort
        /// ("Cohort 13", …) and "Never trained".
        case cohort(column: String, perCohort: Bool = false)
    }

    /// The trend section and the rows it left out.
    public struct TrendOutcome: Sendable, Equatable {
        /// Mean outcome by period and group.
        public let section: StudyReport.TrendSection
        /// Rows skipped because the outcome is missing (counted, never silently dropped).
        public let missingOutcome: Int
        /// Rows skipped because the time or the group is missing (or the group is not 0/1).
        public let missingTimeOrGroup: Int
    }

    /// Mean outcome by period for each group, with the treatment starts to mark:
    ///
    ///     ȳ_{g,t} = Σ_{i ∈ g, time_i = t} y_i / n_{g,t}     over rows with a non-missing outcome
    ///
    /// Each series lists only the periods where the group has an outcome, in increasing time (dates
    /// as days since 1970-01-01). Series come in the order treated (or cohorts ascending), then
    /// comparison; a group with no usable row is left out. `treatmentStarts` nil: for a cohort
    /// grouping, the distinct cohorts; for a treated-group column, none.
    ///
    /// - Throws: `DataError.unknownColumn` (with suggestion) for a column not in `frame`,
    ///   `DataError.wrongColumnType` for a text outcome, time or group column.
    public static func trendSection(
        frame: DataFrame, outcome: String, time: String, grouping: TrendGrouping, treatmentStarts: [Double]? = nil
    ) throws -> TrendOutcome {
        let y = try numeric(frame, outcome)
        let t = try numeric(frame, time)
        let groupColumn: String
        switch grouping {
        case .treatedGroup(let c), .cohort(let c, _): groupColumn = c
        }
        let g = try numeric(frame, groupColumn)
        var sums: [String: [Double: (sum: Double, count: Int)]] = [:]
        var missingOutcome = 0
        var missingOther = 0
        var cohorts: Set<Double> = []
        for i in 0..<frame.rowCount {
            guard !t[i].isNaN, let name = groupName(g[i], grouping) else {
                missingOther += 1
                continue
            }
            if case .cohort = grouping, isTreatedCohort(g[i]) { cohorts.insert(g[i]) }
            guard !y[i].isNaN else {
                missingOutcome += 1
                continue
            }
            sums[name, default: [:]][t[i], default: (0, 0)].sum += y[i]
            sums[name, default: [:]][t[i], default: (0, 0)].count += 1
        }
        let order: [String]
        switch grouping {
        case .treatedGroup: order = ["Trained", "Comparison"]
        case .cohort(_, false): order = ["Ever trained", "Never trained"]
        case .cohort(_, true): order = cohorts.sorted().map(cohortName) + ["Never trained"]
        }
        let series = order.compactMap { name -> StudyReport.TrendSeries? in
            guard let cells = sums[name] else { return nil }
            let times = cells.keys.sorted()
            return StudyReport.TrendSeries(name: name, times: times, means: times.map { cells[$0]!.sum / Double(cells[$0]!.count) })
        }
        let starts: [Double]
        if let treatmentStarts {
            starts = treatmentStarts
        } else if case .cohort = grouping {
            starts = cohorts.sorted()
        } else {
            starts = []
        }
        return TrendOutcome(
            section: StudyReport.TrendSection(time: time, series: series, treatmentStarts: starts), missingOutcome: missingOutcome,
            missingTimeOrGroup: missingOther)
    }

    /// The numeric values of a column (NaN where missing).
    static func numeric(_ frame: DataFrame, _ name: String) throws -> [Double] {
        let column = try frame.column(named: name)
        guard let values = column.numericValues() else {
            throw DataError.wrongColumnType(column: name, found: column.type, expected: "numeric (or a date)")
        }
        return values
    }

    /// A treated cohort: a finite first treated period other than 0 (0 and ∞ mean never treated).
    static func isTreatedCohort(_ value: Double) -> Bool { value.isFinite && value != 0 }

    static func cohortName(_ cohort: Double) -> String { "Cohort \(NumberText.statistic(cohort))" }

    /// The series a row belongs to, nil when its group value is missing or not 0/1.
    static func groupName(_ value: Double, _ grouping: TrendGrouping) -> String? {
        switch grouping {
        case .treatedGroup:
            return value == 1 ? "Trained" : value == 0 ? "Comparison" : nil
        case .cohort(_, let perCohort):
            // A missing cohort is the did convention for never treated, as are 0 and ∞.
            if value.isNaN || !isTreatedCohort(value) { return "Never trained" }
            return perCohort ? cohortName(value) : "Ever trained"
        }
    }
}
