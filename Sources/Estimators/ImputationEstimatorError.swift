/// Problems with the data of the imputation estimator, each with advice on what to do.
public enum ImputationEstimatorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A time or cohort value is not a whole number, so `t − cohort` does not count periods.
    case nonIntegerPeriod(column: String, value: Double)
    /// A unit has two different cohorts.
    case cohortVariesWithinUnit(unit: String)
    /// No usable observation is treated.
    case noTreatedObservations(cohort: String)
    /// No usable observation is untreated, so there is no model of Y(0) to fit.
    case noUntreatedObservations
    /// Treated observations whose Y(0) cannot be imputed, under `ImputationEstimator.UnimputablePolicy.fail`.
    case cannotImpute(observations: Int, units: Int, example: String)
    /// Every treated observation is unimputable.
    case nothingImputable(observations: Int)
    /// The covariates are collinear with each other or with the unit and period effects among the
    /// untreated observations.
    case collinearCovariates(names: [String])
    /// A cohort × event-time cell lies in a single cluster, so its leave-out average is undefined.
    case singleClusterCell(cohort: Int, eventTime: Int)

    public var description: String {
        switch self {
        case .nonIntegerPeriod(let column, let value):
            return "'\(column)' has the value \(value), not a whole number of periods. Code time and cohort as "
                + "consecutive integers (e.g. month index), with the cohort in the same units as time."
        case .cohortVariesWithinUnit(let unit):
            return "The cohort (first treated period) of unit '\(unit)' changes across its rows. Give each unit one "
                + "cohort value (0 or missing = never treated)."
        case .noTreatedObservations(let cohort):
            return "No usable observation is treated (column '\(cohort)'), so there is no effect to estimate."
        case .noUntreatedObservations:
            return "No usable observation is untreated, so Y(0) cannot be modelled. The data need never-treated "
                + "units or periods before treatment."
        case .cannotImpute(let observations, let units, let example):
            return "Y(0) cannot be imputed for \(observations) treated observation(s) of \(units) unit(s) (\(example)): "
                + "their unit or period has no untreated observation. Drop them from the estimand, or use "
                + "ImputationEstimator.UnimputablePolicy.excludeAndReport."
        case .nothingImputable(let observations):
            return "Y(0) cannot be imputed for any of the \(observations) treated observation(s): no treated unit has "
                + "an untreated period linked to the comparison units. Units treated in every period carry no "
                + "information under parallel trends."
        case .collinearCovariates(let names):
            return "The covariates \(names) are collinear with each other or with the unit and period effects among "
                + "the untreated observations. Drop the redundant ones (e.g. time-invariant covariates)."
        case .singleClusterCell(let cohort, let eventTime):
            return "Cohort \(cohort) at event time \(eventTime) lies in a single cluster, so its leave-out average is "
                + "undefined. Use ImputationEstimator.Averaging.cohortEventTime or a finer cluster variable."
        }
    }
}
