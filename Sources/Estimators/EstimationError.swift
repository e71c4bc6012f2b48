import DataFrameModule

/// Problems with the data or specification of an estimator, each with advice on what to do.
public enum EstimationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A column named in the specification is not in the data.
    case columnNotFound(name: String, suggestion: String?)
    /// The outcome is not numeric (e.g. a text column).
    case nonNumericOutcome(variable: String, type: String)
    /// A column that must be numeric (a time variable compared with a start date) is not.
    case nonNumericColumn(name: String, type: String)
    /// A treatment or period indicator takes a value other than 0 and 1.
    case indicatorNotBinary(column: String, value: String)
    /// The treated-group indicator is 1 for no unit in the rows used.
    case noTreatedUnits(column: String)
    /// The treated-group indicator is 0 for every unit in the rows used.
    case noUntreatedUnits(column: String)
    /// No observation falls before the treatment start.
    case noPrePeriod(definition: String)
    /// No observation falls at or after the treatment start.
    case noPostPeriod(definition: String)
    /// A group × period cell of a 2×2 design has no observations.
    case emptyCell(group: String, period: String)
    /// A cluster variable is missing for rows the fit already used.
    case missingClusterIDs(column: String, rows: Int)
    /// `fit(design:clusters:)` was asked to cluster by a variable whose codes were not supplied.
    case clusterCodesNotSupplied(name: String, available: [String])
    /// A coefficient named in a test is not a (kept) design column.
    case unknownCoefficient(name: String, available: [String])
    /// The cross-product of a (bootstrap) replicate is singular, so its coefficients are undefined.
    case singularReplicate(parameters: Int)

    public var description: String {
        switch self {
        case .columnNotFound(let name, let suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "No column named '\(name)'.\(hint) Check the name against the data's header."
        case .nonNumericOutcome(let variable, let type):
            return "The outcome '\(variable)' is \(type), not numeric. Use a numeric outcome, or recode it in the data."
        case .nonNumericColumn(let name, let type):
            return
                "Column '\(name)' is \(type) but must be numeric or a date here. Recode it, or give a 0/1 post column instead."
        case .indicatorNotBinary(let column, let value):
            return "Column '\(column)' must be a 0/1 indicator but contains \(value). Recode it to 0 and 1 "
                + "(1 = treated group or post period)."
        case .noTreatedUnits(let column):
            return "No unit has '\(column)' = 1 in the rows used, so there is no treated group to compare. "
                + "Check the indicator and the rows dropped for missing values."
        case .noUntreatedUnits(let column):
            return "Every unit has '\(column)' = 1 in the rows used, so there is no comparison group. "
                + "Difference-in-differences needs untreated units; check the indicator."
        case .noPrePeriod(let definition):
            return "No observation falls in the pre-treatment period (\(definition)). The 2×2 design needs "
                + "data before the treatment starts; check the start or the post indicator."
        case .noPostPeriod(let definition):
            return
                "No observation falls in the post-treatment period (\(definition)). Check the start or the post indicator."
        case .emptyCell(let group, let period):
            return "The \(group) group has no observations in the \(period) period, so the 2×2 table is incomplete. "
                + "Check the data coverage of that group and period."
        case .missingClusterIDs(let column, let rows):
            return "Cluster variable '\(column)' is missing in \(rows) of the rows this fit used. Refit with that "
                + "covariance so those rows are dropped and counted, or impute the ids."
        case .clusterCodesNotSupplied(let name, let available):
            let list =
                available.isEmpty ? "none were supplied" : "supplied: " + available.sorted().joined(separator: ", ")
            return "No cluster codes for '\(name)' (\(list)). Pass them in `clusters:` when fitting the design."
        case .unknownCoefficient(let name, let available):
            let hint = closestName(to: name, among: available).map { " Did you mean '\($0)'?" } ?? ""
            return "No estimated coefficient named '\(name)'.\(hint) Use the names in the coefficient table "
                + "(columns dropped as collinear cannot be tested)."
        case .singularReplicate(let k):
            return "The \(k) × \(k) cross-product of this replicate is singular, so its coefficients are not "
                + "identified (a regressor is constant among the resampled clusters). Count the replicate as failed."
        }
    }
}
