/// A token of the formula language, with its 0-based character position.
struct FormulaToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A bare identifier: a letter, `_` or `.` followed by letters, digits, `_`, `.` (R's rule).
        case name(String)
        /// A backquoted name: `` `sales ($)` `` → `sales ($)`.
        case quotedName(String)
        /// A number as written (`0`, `1`, `3.5`, `1e3`).
        case number(String)
        /// A quoted string (`"North"` or `'North'`), used only for reference levels.
        case string(String)
        case tilde, plus, minus, star, colon, leftParen, rightParen, comma, equals, bar
        case end
    }

    let kind: Kind
    let position: Int

    /// The token as it is shown in error messages.
    var display: String {
        switch kind {
        case .name(let s): return s
        case .quotedName(let s): return "`\(s)`"
        case .number(let s): return s
        case .string(let s): return "\"\(s)\""
        case .tilde: return "~"
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .colon: return ":"
        case .leftParen: return "("
        case .rightParen: return ")"
        case .comma: return ","
        case .equals: return "="
        case .bar: return "|"
        case .end: return "end of formula"
        }
    }

    /// Whether the token is a binary operator that must be followed by a term.
    var isOperator: Bool {
        switch kind {
        case .tilde, .plus, .minus, .star, .colon, .bar, .comma, .equals: return true
        default: return false
        }
    }
}

/// Splits formula text into tokens; whitespace is free.
enum FormulaLexer {
    /// Tokens of `text`, ending with `.end` at position `text.count`.
    static func tokenize(_ text: String) throws(FormulaSyntaxError) -> [FormulaToken] {
        let chars = Array(text)
        var tokens: [FormulaToken] = []
        var i = 0
        func fail(_ at: Int, _ message: String) -> FormulaSyntaxError {
            FormulaSyntaxError(text: text, position: at, message: message)
        }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
                continue
            }
            let start = i
            if let kind = punctuation[c] {
                tokens.append(FormulaToken(kind: kind, position: start))
                i += 1
            } else if c == "`" {
                guard let close = chars[(i + 1)...].firstIndex(of: "`") else {
                    throw fail(start, "this backquote is never closed; write odd column names as `sales ($)`")
                }
                guard close > i + 1 else { throw fail(start, "empty backquotes; put the column name between them") }
                tokens.append(FormulaToken(kind: .quotedName(String(chars[(i + 1)..<close])), position: start))
                i = close + 1
            } else if c == "\"" || c == "'" {
                guard let close = chars[(i + 1)...].firstIndex(of: c) else {
                    throw fail(start, "this quote is never closed; write a reference level as ref = \"North\"")
                }
                tokens.append(FormulaToken(kind: .string(String(chars[(i + 1)..<close])), position: start))
                i = close + 1
            } else if c.isASCII && c.isNumber || c == "." && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber {
                i = scanNumber(chars, from: i)
                tokens.append(FormulaToken(kind: .number(String(chars[start..<i])), position: start))
            } else if isNameStart(c) {
                i += 1
                while i < chars.count, isNameContinuation(chars[i]) { i += 1 }
                tokens.append(FormulaToken(kind: .name(String(chars[start..<i])), position: start))
            } else {
                throw fail(start, unknownCharacterMessage(c))
            }
        }
        tokens.append(FormulaToken(kind: .end, position: chars.count))
        return tokens
    }

    private static let punctuation: [Character: FormulaToken.Kind] = [
        "~": .tilde, "+": .plus, "-": .minus, "*": .star, ":": .colon, "(": .leftParen,
        ")": .rightParen, ",": .comma, "=": .equals, "|": .bar,
    ]

    /// End of a number starting at `start`: digits, optional fraction, optional exponent.
    private static func scanNumber(_ chars: [Character], from start: Int) -> Int {
        var i = start
        func digits() { while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 } }
        digits()
        if i < chars.count, chars[i] == "." {
            i += 1
            digits()
        }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            var j = i + 1
            if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
            if j < chars.count, chars[j].isASCII, chars[j].isNumber {
                i = j
                digits()
            }
        }
        return i
    }

    static func isNameStart(_ c: Character) -> Bool { c.isLetter || c == "_" || c == "." }

    static func isNameContinuation(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "." }

    /// Whether `name` can be written bare in a formula (otherwise it needs backquotes).
    static func isBareName(_ name: String) -> Bool {
        guard let first = name.first, isNameStart(first), name != "." else { return false }
        // A leading "." followed by a digit would read as a number (R's rule too).
        if first == ".", let second = name.dropFirst().first, second.isNumber { return false }
        return name.allSatisfy(isNameContinuation)
    }

    /// `name` as it must be written in a formula: bare when possible, else backquoted.
    static func quotedIfNeeded(_ name: String) -> String { isBareName(name) ? name : "`\(name)`" }

    private static func unknownCharacterMessage(_ c: Character) -> String {
        switch c {
        case "^":
            return "'^' (power of a term) is not supported; write the interactions out with ':' or '*'"
        case "/":
            return "'/' (nesting) is not supported; write 'a + a:b' instead of 'a/b'"
        case "%":
            return "'%' operators (such as %in%) are not supported; write the terms out with '+' and ':'"
        default:
            return "unexpected character '\(c)'; use column names joined by '+', ':' or '*', and backquote odd names like `sales ($)`"
        }
    }
}
