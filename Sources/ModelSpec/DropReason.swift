/// Why a row of the data was left out of a model.
///
/// Each dropped row is attributed to the first reason that applies, in the order of the cases:
/// outcome, regressors (formula order), absorbed fixed effects (formula order), required columns
/// (given order), weight; singleton removal runs last, on the rows that survive every other check.
public enum DropReason: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The outcome is missing (or not finite).
    case missingOutcome(variable: String)
    /// A column used on the right-hand side is missing (or not finite).
    case missingRegressor(variable: String)
    /// The id of an absorbed fixed effect (`| unit + month`) is missing.
    case missingFixedEffect(variable: String)
    /// A column the analysis needs besides the formula (e.g. a cluster id) is missing.
    case missingRequired(variable: String)
    /// The weight is missing (or not finite).
    case missingWeight(variable: String)
    /// The weight is zero: the row carries no information in a weighted fit.
    /// (Negative weights are an error, `ModelSpecError.negativeWeights`, not a drop.)
    case nonPositiveWeight(variable: String)
    /// The row is the only one of its level of an absorbed fixed effect (after the other drops,
    /// iterated until no singleton is left): its fixed effect fits it exactly, so it carries no
    /// information about the slopes but would inflate N (Correia 2015; pyfixest
    /// `fixef_rm = "singleton"`, Stata `reghdfe` default). `variable` is the fixed effect in which
    /// the row was found to be a singleton.
    case singletonFixedEffect(variable: String)

    /// The column involved.
    public var variable: String {
        switch self {
        case .missingOutcome(let v), .missingRegressor(let v), .missingFixedEffect(let v), .missingRequired(let v),
            .missingWeight(let v), .nonPositiveWeight(let v), .singletonFixedEffect(let v):
            return v
        }
    }

    /// `missing outcome 'sales'`, `missing regressor 'tenure'`, `zero weight 'w'`, …
    public var description: String {
        switch self {
        case .missingOutcome(let v): return "missing outcome '\(v)'"
        case .missingRegressor(let v): return "missing regressor '\(v)'"
        case .missingFixedEffect(let v): return "missing fixed effect '\(v)'"
        case .missingRequired(let v): return "missing required column '\(v)'"
        case .missingWeight(let v): return "missing weight '\(v)'"
        case .nonPositiveWeight(let v): return "zero weight '\(v)'"
        case .singletonFixedEffect(let v): return "singleton in fixed effect '\(v)'"
        }
    }
}
