/// Problems with the data of an event study, each with advice on what to do.
public enum EventStudyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A time or cohort value is not a whole number, so `t − cohort` does not count periods.
    case nonIntegerPeriod(column: String, value: Double)
    /// A treated unit's cohort lies before the first or after the last period of the panel.
    case cohortOutsideTimeRange(unit: String, cohort: Int, first: Int, last: Int)
    /// A unit has two different cohorts.
    case cohortVariesWithinUnit(unit: String, first: Int, second: Int)
    /// No unit in the estimation sample is ever treated.
    case noTreatedUnits(cohort: String)
    /// Every unit is treated, all in the same period: no never-treated and no not-yet-treated unit
    /// to compare with.
    case noComparisonUnits(cohort: Int)
    /// An event time of the window has no treated observation in the estimation sample.
    case emptyEventTime(eventTime: Int, window: ClosedRange<Int>, isReference: Bool)
    /// The fixed effects make these event-time coefficients unidentified (collinear).
    case eventTimesNotIdentified(eventTimes: [Int])

    public var description: String {
        switch self {
        case .nonIntegerPeriod(let column, let value):
            return
                "'\(column)' has the value \(value), not a whole number of periods. Code time and cohort as "
                + "consecutive integers (e.g. month index), with the cohort in the same units as time."
        case .cohortOutsideTimeRange(let unit, let cohort, let first, let last):
            return
                "Unit \(unit) has cohort \(cohort), outside the panel's periods \(first)…\(last). Recode units treated "
                + "after the panel as never treated, and drop units treated before it (always treated: they have no "
                + "untreated period)."
        case .cohortVariesWithinUnit(let unit, let first, let second):
            return
                "Unit \(unit) has two cohorts, \(first) and \(second). The cohort is the first treated period and must be "
                + "constant within a unit: set it to the earliest treatment period of each unit."
        case .noTreatedUnits(let cohort):
            return
                "No unit in the sample is ever treated according to '\(cohort)'. Check the cohort column and the "
                + "never-treated coding."
        case .noComparisonUnits(let cohort):
            return
                "All units are treated in period \(cohort): there is neither a never-treated nor a not-yet-treated "
                + "unit to compare with, so the period effects absorb the treatment effect. Add a comparison group."
        case .emptyEventTime(let k, let window, let isReference):
            let role = isReference ? " (the reference period)" : ""
            return
                "Event time \(k)\(role) has no treated observation in the sample, so its coefficient is not "
                + "identified. Narrow the window [\(window.lowerBound), \(window.upperBound)] or bin the endpoints"
                + (isReference ? ", or choose another reference period." : ".")
        case .eventTimesNotIdentified(let ks):
            return
                "The coefficients of event times \(ks.map(String.init).joined(separator: ", ")) are collinear with "
                + "the unit and period effects and cannot be estimated. Without never-treated units, bin the "
                + "endpoints or narrow the window, or normalise a second (early lead) period."
        }
    }
}
