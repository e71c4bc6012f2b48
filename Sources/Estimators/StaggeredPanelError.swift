/// Problems with a staggered-adoption panel or its Callaway–Sant'Anna specification, each with advice.
public enum StaggeredPanelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A column named in the specification is not in the data.
    case columnNotFound(name: String)
    /// A column that must be numeric (outcome, time, cohort) is not.
    case nonNumericColumn(name: String, type: String)
    /// A value the estimator needs is missing.
    case missingValues(column: String, rows: Int)
    /// Some unit is not observed exactly once in every period.
    case unbalancedPanel(units: Int, periods: Int, rows: Int, example: String)
    /// A unit's cohort (first treated period) changes across its rows.
    case cohortNotConstant(unit: String)
    /// A unit's cluster id changes across its rows.
    case clusterNotConstant(unit: String, cluster: String)
    /// Fewer than two periods: no change can be formed.
    case tooFewPeriods(count: Int)
    /// No unit is ever treated.
    case noTreatedCohort
    /// A cohort starts at or before the first period (plus anticipation), so it has no
    /// untreated base period, or after the last period, so it is never seen treated.
    case cohortOutsideTimeRange(cohort: Double, first: Double, last: Double, anticipation: Int)
    /// A group-time cell has no comparison units under the chosen control group.
    case noComparisonUnits(cohort: Double, period: Double, controlGroup: String)

    /// A covariate named in the specification was not loaded into the panel.
    case covariateNotInPanel(name: String, available: [String])
    /// A covariate-adjusted cell could not be estimated (singular fit, separation, no overlap).
    case covariateAdjustmentFailed(cohort: Double, period: Double, reason: String)

    public var description: String {
        switch self {
        case .columnNotFound(let name):
            return "No column named '\(name)'. Check the name against the data's header."
        case .nonNumericColumn(let name, let type):
            return "Column '\(name)' is \(type) but must be numeric here. Recode it as numbers."
        case .missingValues(let column, let rows):
            return "Column '\(column)' is missing in \(rows) row(s). Callaway–Sant'Anna needs a complete "
                + "balanced panel: impute or drop those units."
        case .unbalancedPanel(let units, let periods, let rows, let example):
            return "balanced panels only for now; the data have \(rows) row(s) for \(units) unit(s) × "
                + "\(periods) period(s) (\(example)). Keep units observed once in every period."
        case .cohortNotConstant(let unit):
            return "The cohort (first treated period) of unit '\(unit)' changes across its rows. "
                + "Give each unit one cohort value (0 = never treated)."
        case .clusterNotConstant(let unit, let cluster):
            return "The cluster '\(cluster)' of unit '\(unit)' changes across its rows. Clusters must contain "
                + "whole units: cluster by a variable fixed within units, or by unit."
        case .tooFewPeriods(let count):
            return "The panel has \(count) period(s); group-time effects need at least two."
        case .noTreatedCohort:
            return "No unit is ever treated (every cohort is 0 or missing), so there is no effect to estimate."
        case .cohortOutsideTimeRange(let cohort, let first, let last, let anticipation):
            return "Cohort \(cohort) lies outside the usable time range: a cohort must start after the first "
                + "period \(first) plus anticipation \(anticipation) (so it has an untreated base period) and "
                + "no later than the last period \(last). Drop those units, or code units treated after the "
                + "panel ends as never treated (0)."
        case .covariateNotInPanel(let name, let available):
            return "Covariate '\(name)' is not in the panel (loaded: "
                + (available.isEmpty ? "none" : available.joined(separator: ", "))
                + "). Name it in the panel's `covariates` when building it from the data."
        case .covariateAdjustmentFailed(let cohort, let period, let reason):
            return "ATT(\(cohort), \(period)) cannot be adjusted for the covariates: \(reason). Drop or "
                + "recode the offending covariates, or use fewer of them."
        case .noComparisonUnits(let cohort, let period, let controlGroup):
            return "Cohort \(cohort) has no comparison units (\(controlGroup)) for period \(period). Use the "
                + "never-treated control group if the data have never-treated units, or drop the periods "
                + "after the last cohort is treated."
        }
    }
}
