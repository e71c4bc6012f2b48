/// Why a row of the data was left out of a model.
///
/// Each dropped row is attributed to the first reason that applies, in the order of the cases:
/// outcome, regressors (formula order), required columns (given order), weight.
public enum DropReason: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The outcome is missing (or not finite).
    case missingOutcome(variable: String)
    /// A column used on the right-hand side is missing (or not finite).
    case missingRegressor(variable: String)
    /// A column the analysis needs besides the formula (e.g. a cluster id) is missing.
    case missingRequired(variable: String)
    /// The weight is missing (or not finite).
    case missingWeight(variable: String)
    /// The weight is zero: the row carries no information in a weighted fit.
    /// (Negative weights are an error, `ModelSpecError.negativeWeights`, not a drop.)
    case nonPositiveWeight(variable: String)

    /// The column involved.
    public var variable: String {
        switch self {
        case .missingOutcome(let v), .missingRegressor(let v), .missingRequired(let v),
            .missingWeight(let v), .nonPositiveWeight(let v):
            return v
        }
    }

    /// `missing outcome 'sales'`, `missing regressor 'tenure'`, `zero weight 'w'`, …
    public var description: String {
        switch self {
        case .missingOutcome(let v): return "missing outcome '\(v)'"
        case .missingRegressor(let v): return "missing regressor '\(v)'"
        case .missingRequired(let v): return "missing required column '\(v)'"
        case .missingWeight(let v): return "missing weight '\(v)'"
        case .nonPositiveWeight(let v): return "zero weight '\(v)'"
        }
    }
}
