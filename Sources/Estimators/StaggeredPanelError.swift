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
    /// Every treated cohort lies outside the usable window: at or before the first period (plus
    /// anticipation), so it has no untreated base period, or after the last period (plus
    /// anticipation), so it is never seen treated. (Some such cohorts among usable ones are handled
    /// instead: see `StaggeredPanel.restrictedToWindow(anticipation:)`.)

    case cohortOutsideTimeRange(cohort: Double, first: Double, last: Double, anticipation: Int)
    /// A group-time cell has no comparison units under the chosen control group.
    case noComparisonUnits(cohort: Double, period: Double, controlGroup: String)

    /// `PanelInputOptions.Balance.keepCompleteUnits` left no unit: none is observed in every period.
    case noCompleteUnits(units: Int, periods: Int)
    /// A treatment indicator column holds a value other than 0 and 1.
    case indicatorNotBinary(column: String, value: Double)
    /// A unit's treatment indicator is 1 in one period and 0 in a later one.
    case treatmentSwitchesOff(unit: String, treatedPeriod: String, untreatedPeriod: String)
    /// The time column holds dates but the cohort column does not.
    case cohortNotDate(column: String, time: String)
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
            return "The panel is not balanced: the data have \(rows) row(s) for \(units) unit(s) × "
                + "\(periods) period(s) (\(example)). Remove duplicate rows; to keep only the units observed "
                + "in every period (R did's default), pass --keep-complete-units to impact did "
                + "(PanelInputOptions(balance: .keepCompleteUnits) in code)."
        case .noCompleteUnits(let units, let periods):
            return "None of the \(units) unit(s) is observed in all \(periods) period(s), so balancing leaves no "
                + "data. Restrict the data to periods the units share, or fill the gaps."
        case .indicatorNotBinary(let column, let value):
            return "Treatment indicator '\(column)' holds \(value); it must be 0 (untreated) or 1 (treated) in "
                + "every row. Recode it, or give a cohort column (first treated period) instead."
        case .treatmentSwitchesOff(let unit, let treatedPeriod, let untreatedPeriod):
            return "Unit '\(unit)' is treated in period \(treatedPeriod) but untreated in the later period "
                + "\(untreatedPeriod). Staggered adoption needs treatment to stay on once it starts: check the "
                + "indicator, or drop units whose treatment ends."
        case .cohortNotDate(let column, let time):
            return "The time column '\(time)' holds dates but the cohort column '\(column)' does not. Give the "
                + "first treated date (YYYY-MM-DD; missing = never treated) or a 0/1 treatment indicator."
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
                + "no later than the last period \(last). Units outside that range are dropped (treated from the "
                + "start) or count as never treated (treated after the end), which left no treated cohort: check "
                + "that the cohort is the first treated period on the time column's scale."
        case .covariateNotInPanel(let name, let available):
            return "Covariate '\(name)' is not in the panel (loaded: "
                + (available.isEmpty ? "none" : available.joined(separator: ", "))
                + "). Name it in the panel's `covariates` when building it from the data."
        case .covariateAdjustmentFailed(let cohort, let period, let reason):
            return "ATT(\(cohort), \(period)) cannot be adjusted for the covariates: \(reason). Drop or "
                + "recode the offending covariates, or use fewer of them."
        case .noComparisonUnits(let cohort, let period, let controlGroup):
            return "Cohort \(cohort) has no comparison units (\(controlGroup)) for period \(period): there are "
                + "no never-treated units and no units not yet treated by then. Use the not-yet-treated control "
                + "group (controlGroup: .notYetTreated) if the data have later-treated units, or a shorter window "
                + "that ends before the last cohort is treated."
        }
    }
}
