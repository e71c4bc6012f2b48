import DataFrameModule

/// Problems turning a formula and a data frame into a design matrix, each with advice.
public enum ModelSpecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A column named in the formula or options is not in the data; `suggestion` is the closest
    /// name (`closestName(to:among:)`), if any is plausibly a typo.
    case unknownVariable(name: String, suggestion: String?)
    /// The outcome must be numeric (integer, double or bool); this one is categorical or a date.
    case nonNumericOutcome(variable: String, type: ColumnType)
    /// The weight column must be numeric (integer, double or bool).
    case nonNumericWeight(variable: String, type: ColumnType)
    /// The requested reference is not among the levels present in the rows used.
    case unknownReferenceLevel(variable: String, level: String, levels: [String])
    /// Every row was dropped; the account says why.
    case noObservations(account: ObservationAccount)
    /// Every row with a weight had weight zero.
    case weightsAllZero(variable: String)
    /// Some rows that would otherwise be used have a negative weight.
    case negativeWeights(variable: String, rows: Int)
    /// A categorical variable has a single level in the rows used, so it has no contrast.
    case categoricalWithOneLevel(variable: String, level: String)

    /// What is wrong and what to do about it, in a sentence or two.
    public var description: String {
        switch self {
        case .unknownVariable(let name, let suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "No column named '\(name)' in the data.\(hint) Names are case-sensitive; "
                + "backquote names with spaces or symbols in a formula, e.g. `sales ($)`."
        case .nonNumericOutcome(let variable, let type):
            return "The outcome '\(variable)' is \(type), but a regression needs a numeric outcome. "
                + "Recode it as a number or as 0/1 in the data, or choose a numeric outcome."
        case .nonNumericWeight(let variable, let type):
            return "The weight column '\(variable)' is \(type); weights must be numbers. Choose a numeric weight column."
        case .unknownReferenceLevel(let variable, let level, let levels):
            return "'\(level)' is not a level of '\(variable)' in the rows used; the levels are "
                + "\(Self.list(levels)). Choose one of them as the reference."
        case .noObservations(let account):
            return "No rows left to fit: \(account). Check the missing values in the columns named, "
                + "or drop those columns from the model."
        case .weightsAllZero(let variable):
            return "Every weight in '\(variable)' is zero among the usable rows, so a weighted fit has no data. "
                + "Check the weight column, or fit without weights."
        case .negativeWeights(let variable, let rows):
            return "The weight column '\(variable)' has \(ObservationAccount.grouped(rows)) negative value\(rows == 1 ? "" : "s"); "
                + "weights must be zero or positive. Fix those rows or filter them out before fitting."
        case .categoricalWithOneLevel(let variable, let level):
            return "'\(variable)' has a single level ('\(level)') in the rows used, so it cannot be contrasted. "
                + "Remove it from the formula, or check the filters and missing values that left one level."
        }
    }

    /// Levels for a message: all of them when few, else the first 20 and a count.
    private static func list(_ levels: [String]) -> String {
        let shown = levels.prefix(20).map { "'\($0)'" }.joined(separator: ", ")
        return levels.count > 20 ? shown + ", … (\(levels.count) levels)" : shown
    }
}
