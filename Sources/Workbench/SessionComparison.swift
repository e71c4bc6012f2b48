import DataFrameModule
import Foundation

/// A comparison of one column with a value, the building block of a `SessionCondition`:
/// `tenure > 12`, `region == "North"`, `date >= "2024-03-01"`.
///
/// Numeric (and boolean, as 0/1) columns compare numerically with `==`, `!=`, `<`, `<=`, `>`, `>=`;
/// text columns compare their text with `==` and `!=`; date columns compare ISO dates, whose text
/// order is the calendar order. A row whose value is missing never satisfies the condition (R's
/// `dplyr::filter` convention; Stata instead treats a missing number as larger than every number),
/// so `keep if` drops it and `drop if` keeps it. Stata's missing-value test works on every column:
/// `COLUMN == .` holds where the value is missing and `COLUMN != .` where it is present.
public struct SessionComparison: Sendable, Equatable {
    /// The column compared.
    public let column: String
    /// One of `==`, `!=`, `<`, `<=`, `>`, `>=`.
    public let comparison: String
    /// The value as written, without quotes.
    public let value: String

    private static let comparisons = ["==", "!=", "<=", ">=", "<", ">"]

    /// Parses `COLUMN OP VALUE`; the value may be quoted.
    public static func parse(_ text: String) throws -> SessionComparison {
        for op in comparisons {
            guard let range = text.range(of: op) else { continue }
            let column = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            var value = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            guard !column.isEmpty, !column.contains(where: \.isWhitespace) else {
                throw SessionError.invalidExpression(text: text, problem: "the left side must be one column name")
            }
            guard !value.isEmpty else {
                throw SessionError.invalidExpression(text: text, problem: "the value after \(op) is missing")
            }
            return SessionComparison(column: column, comparison: op, value: value)
        }
        throw SessionError.invalidExpression(
            text: text, problem: "expected COLUMN OP VALUE with OP one of ==, !=, <, <=, >, >= (e.g. tenure > 12)")
    }

    /// Whether each row of `frame` satisfies the condition (`false` where the value is missing).
    public func matches(in frame: DataFrame) throws -> [Bool] {
        let data = try frame.column(named: column)
        let rows = 0..<frame.rowCount
        if value == "." {
            guard comparison == "==" || comparison == "!=" else {
                throw SessionError.invalidExpression(
                    text: "\(column) \(comparison) .", problem: "a missing value (.) compares only with == or !=")
            }
            return rows.map { data.isMissing($0) == (comparison == "==") }
        }
        switch data.type {
        case .integer, .double, .bool:
            let number = data.type == .bool ? ["false": 0.0, "true": 1.0][value.lowercased()] ?? Double(value) : Double(value)
            guard let target = number else {
                throw SessionError.invalidExpression(
                    text: "\(column) \(comparison) \(value)", problem: "'\(column)' is numeric, so the value must be a number")
            }
            let values = data.numericValues()!
            return rows.map { !data.isMissing($0) && holds(compare(values[$0], target)) }
        case .categorical, .date:
            guard data.type == .date || comparison == "==" || comparison == "!=" else {
                throw SessionError.notNumeric(column: column, type: data.type.description)
            }
            return rows.map { !data.isMissing($0) && holds(compare(data.text(at: $0), value)) }
        }
    }

    /// Whether an ordering result satisfies the comparison.
    private func holds(_ order: Int) -> Bool {
        switch comparison {
        case "==": return order == 0
        case "!=": return order != 0
        case "<": return order < 0
        case "<=": return order <= 0
        case ">": return order > 0
        default: return order >= 0
        }
    }

    private func compare<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
}
