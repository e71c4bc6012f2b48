import DataFrameModule
import Foundation

/// Options written in Stata's form after a comma: `reps(999) seed(42) unit("USD of sales")`.
///
/// Each option is `name(value)`; the value may be quoted (`"…"` or `'…'`, quotes removed) and may
/// hold parentheses when quoted. Names are matched exactly against the command's list; an unknown
/// name is an error with the closest known name, as Stata's "option … not allowed".
public struct StataOptions: Sendable, Equatable {
    /// The values by option name, in the order written (a repeated option is an error).
    public let values: [String: String]

    /// Parses `text` (the part after the comma) for `command`, whose options are `allowed`.
    /// - Throws: `SessionAnalysisError.unknownOption` (with a suggestion), `SessionError.usage` for
    ///   a malformed or repeated option.
    public static func parse(_ text: String, command: String, allowed: [String], usage: String) throws -> StataOptions {
        var values: [String: String] = [:]
        var rest = Substring(text)
        while let start = rest.firstIndex(where: { !$0.isWhitespace }) {
            rest = rest[start...]
            let nameEnd = rest.firstIndex { $0 == "(" || $0.isWhitespace } ?? rest.endIndex
            let name = String(rest[..<nameEnd])
            guard allowed.contains(name) else {
                throw SessionAnalysisError.unknownOption(
                    command: command, option: name,
                    // An abbreviation (Stata habit) suggests the option it starts.
                    suggestion: closestName(to: name, among: allowed) ?? allowed.first { !name.isEmpty && $0.hasPrefix(name) })
            }
            guard nameEnd < rest.endIndex, rest[nameEnd] == "(" else {
                throw SessionError.usage(command: command, problem: "the option '\(name)' needs a value: \(name)(…)", usage: usage)
            }
            let inner = String(rest[rest.index(after: nameEnd)...])
            guard let close = firstIndex(of: ")", outsideQuotesIn: inner) else {
                throw SessionError.usage(command: command, problem: "the option '\(name)(' is not closed", usage: usage)
            }
            var value = inner[..<close].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            guard values[name] == nil else {
                throw SessionError.usage(command: command, problem: "the option '\(name)' is given twice", usage: usage)
            }
            values[name] = value
            rest = Substring(inner[inner.index(after: close)...])
        }
        return StataOptions(values: values)
    }

    /// The text of option `name`, if given.
    public subscript(_ name: String) -> String? { values[name] }

    /// Option `name` as a number, or `nil` when not given.
    /// - Throws: `SessionError.usage` when the value is not a finite number.
    public func number(_ name: String, command: String, usage: String) throws -> Double? {
        guard let text = values[name] else { return nil }
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            throw SessionError.usage(command: command, problem: "\(name)(\(text)) is not a number", usage: usage)
        }
        return value
    }

    /// Splits `text` at its first comma outside quotes and parentheses: the arguments before it
    /// and the options after it (empty when there is no comma).
    public static func splitAtComma(_ text: String) -> (arguments: String, options: String) {
        guard let comma = firstIndex(of: ",", outsideQuotesIn: text) else {
            return (text.trimmingCharacters(in: .whitespaces), "")
        }
        return (
            text[..<comma].trimmingCharacters(in: .whitespaces),
            text[text.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        )
    }

    /// The first `separator` in `text` outside quotes and parentheses, so `C(region, ref = "N")`
    /// or `vcov(cluster:team)` do not split.
    public static func firstIndex(of separator: Character, outsideQuotesIn text: String) -> String.Index? {
        var depth = 0
        var quote: Character?
        for index in text.indices {
            let c = text[index]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == separator, depth == 0 {
                // Before the depth change, so that ")" can be the separator that closes a value.
                return index
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
            }
        }
        return nil
    }
}
