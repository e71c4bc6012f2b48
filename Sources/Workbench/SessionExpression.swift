import DataFrameModule
import Foundation

/// An arithmetic expression over numeric columns, as `generate NAME = EXPR` takes it.
///
/// Grammar (usual precedence, left-associative except `^`):
/// `expr = term (("+" | "-") term)*`, `term = unary (("*" | "/" | "×" | "÷") unary)*`,
/// `unary = "-" unary | power`, `power = primary ("^" unary)?`,
/// `primary = number | column | function "(" expr ")" | "(" expr ")"`, with the functions
/// `log` (natural), `exp`, `sqrt` and `abs`. Evaluation is row by row in `Double`; a missing input
/// or an undefined result (log of a non-positive number, division by zero) gives a missing value,
/// as Stata's `generate` and R's arithmetic on `NA` do.
public indirect enum SessionExpression: Sendable, Equatable {
    /// A number literal.
    case number(Double)
    /// A numeric column's value in the row.
    case column(String)
    /// Unary minus.
    case negate(SessionExpression)
    /// `+`, `-`, `*`, `/` or `^` (`×` and `÷` are read as `*` and `/`).
    case binary(Character, SessionExpression, SessionExpression)
    /// `log`, `exp`, `sqrt` or `abs` of an expression.
    case function(String, SessionExpression)

    /// The functions an expression may call.
    public static let functions = ["abs", "exp", "log", "sqrt"]

    /// Parses `text`; throws `SessionError.invalidExpression` naming the problem.
    public static func parse(_ text: String) throws -> SessionExpression {
        var parser = Parser(text: text)
        let expression = try parser.expression()
        parser.skipSpaces()
        guard parser.atEnd else { throw parser.failure("unexpected '\(parser.peek!)'") }
        return expression
    }

    /// The value of the expression in every row of `frame`, `.nan` where missing or undefined.
    ///
    /// - Throws: `DataError.unknownColumn` (with a suggestion) or `SessionError.notNumeric`.
    public func evaluate(in frame: DataFrame) throws -> [Double] {
        switch self {
        case .number(let value):
            return Array(repeating: value, count: frame.rowCount)
        case .column(let name):
            let column = try frame.column(named: name)
            guard let values = column.numericValues(), column.type != .date else {
                throw SessionError.notNumeric(column: name, type: column.type.description)
            }
            return values
        case .negate(let operand):
            return try operand.evaluate(in: frame).map { -$0 }
        case .binary(let op, let left, let right):
            let a = try left.evaluate(in: frame)
            let b = try right.evaluate(in: frame)
            return zip(a, b).map { x, y in
                switch op {
                case "+": return x + y
                case "-": return x - y
                case "*": return x * y
                case "/": return y == 0 ? .nan : x / y
                default: return pow(x, y)
                }
            }
        case .function(let name, let argument):
            let x = try argument.evaluate(in: frame)
            switch name {
            case "log": return x.map { $0 > 0 ? Foundation.log($0) : .nan }
            case "exp": return x.map { Foundation.exp($0) }
            case "sqrt": return x.map { $0 >= 0 ? $0.squareRoot() : .nan }
            default: return x.map { Swift.abs($0) }
            }
        }
    }

    /// A recursive-descent parser over the characters of the expression.
    private struct Parser {
        let text: String
        let characters: [Character]
        var position = 0

        init(text: String) {
            self.text = text
            characters = Array(text)
        }

        var atEnd: Bool { position >= characters.count }
        var peek: Character? { atEnd ? nil : characters[position] }

        func failure(_ problem: String) -> SessionError {
            .invalidExpression(text: text, problem: problem + " (at character \(position + 1))")
        }

        mutating func skipSpaces() {
            while let c = peek, c.isWhitespace { position += 1 }
        }

        mutating func expression() throws -> SessionExpression {
            var left = try term()
            while true {
                skipSpaces()
                guard let c = peek, c == "+" || c == "-" || c == "−" else { return left }
                position += 1
                left = .binary(c == "+" ? "+" : "-", left, try term())
            }
        }

        mutating func term() throws -> SessionExpression {
            var left = try unary()
            while true {
                skipSpaces()
                guard let c = peek, "*/×÷".contains(c) else { return left }
                position += 1
                left = .binary(c == "*" || c == "×" ? "*" : "/", left, try unary())
            }
        }

        mutating func unary() throws -> SessionExpression {
            skipSpaces()
            if let c = peek, c == "-" || c == "−" {
                position += 1
                return .negate(try unary())
            }
            let base = try primary()
            skipSpaces()
            if peek == "^" {
                position += 1
                return .binary("^", base, try unary())
            }
            return base
        }

        mutating func primary() throws -> SessionExpression {
            skipSpaces()
            guard let c = peek else { throw failure("the expression ends too early") }
            if c == "(" {
                position += 1
                let inner = try expression()
                skipSpaces()
                guard peek == ")" else { throw failure("a ')' is missing") }
                position += 1
                return inner
            }
            if c.isNumber || c == "." {
                let start = position
                while let d = peek,
                    d.isNumber || d == "." || d == "e" || d == "E"
                        || ((d == "+" || d == "-") && position > start && "eE".contains(characters[position - 1]))
                {
                    position += 1
                }
                let literal = String(characters[start..<position])
                guard let value = Double(literal) else { throw failure("'\(literal)' is not a number") }
                return .number(value)
            }
            guard c.isLetter || c == "_" else { throw failure("unexpected '\(c)'") }
            let start = position
            while let d = peek, d.isLetter || d.isNumber || d == "_" || d == "." { position += 1 }
            let name = String(characters[start..<position])
            skipSpaces()
            guard peek == "(" else { return .column(name) }
            guard SessionExpression.functions.contains(name) else {
                let hint = closestName(to: name, among: SessionExpression.functions).map { "; did you mean '\($0)'?" }
                throw failure("unknown function '\(name)'" + (hint ?? "; the functions are log, exp, sqrt and abs"))
            }
            position += 1
            let argument = try expression()
            skipSpaces()
            guard peek == ")" else { throw failure("a ')' is missing after the argument of \(name)") }
            position += 1
            return .function(name, argument)
        }
    }
}
