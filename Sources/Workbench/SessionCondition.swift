import DataFrameModule

/// A row condition as `keep if` and `drop if` take it: comparisons combined with `!` (not),
/// `&` (and), `|` (or) and parentheses, e.g.
/// `(region == "North" | region == "East") & tenure >= 12`.
///
/// Precedence is Stata's: `!` binds tightest, then `&`, then `|`; `&` and `|` group from the left.
/// Each comparison follows `SessionComparison` (a missing value never satisfies a comparison;
/// `COLUMN == .` tests for missing). Combining uses three-valued (Kleene) logic, as SQL and R's
/// `dplyr::filter` do: a comparison on a missing value is *unknown*, `!unknown` is unknown,
/// `unknown & false` is false and `unknown | true` is true. `keep if` keeps the rows where the
/// condition is true and `drop if` drops them, so a row whose condition is unknown is dropped by
/// `keep if` and kept by `drop if`, as for a single comparison. (Stata instead treats a missing
/// number as larger than every number, so `!(x > 3)` is false there for a missing x.)
public indirect enum SessionCondition: Sendable, Equatable {
    /// One comparison of a column with a value.
    case comparison(SessionComparison)
    /// Holds where the operand is false (unknown stays unknown).
    case not(SessionCondition)
    /// Holds where both operands hold.
    case and(SessionCondition, SessionCondition)
    /// Holds where either operand holds.
    case or(SessionCondition, SessionCondition)

    /// Whether each row of `frame` satisfies the condition: `true` only where it is true (not
    /// where it is false or unknown because of a missing value).
    /// - Throws: `DataError.unknownColumn`, `SessionError` for a value of the wrong kind.
    public func matches(in frame: DataFrame) throws -> [Bool] {
        try truth(in: frame).map { $0 == true }
    }

    /// The three-valued truth per row: `true`, `false`, or `nil` (unknown: a missing value).
    public func truth(in frame: DataFrame) throws -> [Bool?] {
        switch self {
        case .comparison(let comparison):
            let holds = try comparison.matches(in: frame)
            // Only a comparison against a present value can be unknown: `x == .` is always decided.
            guard comparison.value != "." else { return holds.map { $0 } }
            let column = try frame.column(named: comparison.column)
            return holds.indices.map { column.isMissing($0) ? nil : holds[$0] }
        case .not(let operand):
            return try operand.truth(in: frame).map { $0.map { !$0 } }
        case .and(let left, let right):
            return zip(try left.truth(in: frame), try right.truth(in: frame)).map { a, b in
                // Kleene: false wins over unknown.
                if a == false || b == false { return false }
                return a == true && b == true ? true : nil
            }
        case .or(let left, let right):
            return zip(try left.truth(in: frame), try right.truth(in: frame)).map { a, b in
                // Kleene: true wins over unknown.
                if a == true || b == true { return true }
                return a == false && b == false ? false : nil
            }
        }
    }
}
