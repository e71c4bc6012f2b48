import Foundation

/// Reading a condition: the tokens `(`, `)`, `!`, `&`, `|` and the comparisons between them,
/// parsed by recursive descent with Stata's precedence (`!` over `&` over `|`).
extension SessionCondition {
    /// One token of a condition with its 1-based character position (for error messages).
    struct Token: Equatable {
        enum Kind: Equatable {
            case open, close, not, and, or
            /// A comparison's text, e.g. `tenure >= 12`.
            case comparison(String)
        }
        let kind: Kind
        let position: Int
    }

    /// Parses `text`: comparisons (`COLUMN OP VALUE`) joined by `&`, `|`, prefixed by `!`, grouped
    /// with parentheses.
    ///
    /// - Throws: `SessionError.invalidExpression` naming the position of an unbalanced
    ///   parenthesis or a dangling operator, or the comparison that does not parse.
    public static func parse(_ text: String) throws -> SessionCondition {
        var parser = Parser(text: text, tokens: try tokens(of: text))
        guard !parser.tokens.isEmpty else {
            throw SessionError.invalidExpression(text: text, problem: "the condition is empty (e.g. tenure > 12)")
        }
        let condition = try parser.disjunction()
        if let extra = parser.peek {
            throw parser.failure(
                extra.kind == .close
                    ? "the ')' at position \(extra.position) has no matching '('"
                    : "a condition at position \(extra.position) follows another without & or | between them")
        }
        return condition
    }

    /// Splits `text` into tokens. Quoted values may hold any character; `!` directly before `=`
    /// belongs to the comparison `!=`.
    static func tokens(of text: String) throws -> [Token] {
        var tokens: [Token] = []
        var atom = ""
        var atomStart = 0
        var quote: Character?
        let characters = Array(text)
        func flush() {
            let trimmed = atom.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { tokens.append(Token(kind: .comparison(trimmed), position: atomStart)) }
            atom = ""
        }
        for (k, c) in characters.enumerated() {
            let position = k + 1
            if let open = quote {
                atom.append(c)
                if c == open { quote = nil }
                continue
            }
            let kind: Token.Kind?
            switch c {
            case "(": kind = .open
            case ")": kind = .close
            case "&": kind = .and
            case "|": kind = .or
            case "!" where k + 1 < characters.count && characters[k + 1] == "=": kind = nil
            case "!": kind = .not
            default: kind = nil
            }
            if let kind {
                flush()
                tokens.append(Token(kind: kind, position: position))
                continue
            }
            if !c.isWhitespace, atom.allSatisfy(\.isWhitespace) { atomStart = position }
            if c == "\"" || c == "'" { quote = c }
            atom.append(c)
        }
        if quote != nil {
            throw SessionError.invalidExpression(text: text, problem: "a quote is not closed")
        }
        flush()
        return tokens
    }

    /// Recursive descent over the tokens: disjunction → conjunction → unary → primary.
    struct Parser {
        let text: String
        let tokens: [Token]
        var index = 0

        init(text: String, tokens: [Token]) {
            self.text = text
            self.tokens = tokens
        }

        var peek: Token? { index < tokens.count ? tokens[index] : nil }

        func failure(_ problem: String) -> SessionError {
            SessionError.invalidExpression(text: text, problem: problem)
        }

        /// `conjunction ('|' conjunction)*`, grouped from the left.
        mutating func disjunction() throws -> SessionCondition {
            var left = try conjunction()
            while let token = peek, token.kind == .or {
                index += 1
                left = .or(left, try operand(after: token, symbol: "|") { try $0.conjunction() })
            }
            return left
        }

        /// `unary ('&' unary)*`, grouped from the left.
        mutating func conjunction() throws -> SessionCondition {
            var left = try unary()
            while let token = peek, token.kind == .and {
                index += 1
                left = .and(left, try operand(after: token, symbol: "&") { try $0.unary() })
            }
            return left
        }

        /// `'!' unary | primary`.
        mutating func unary() throws -> SessionCondition {
            if let token = peek, token.kind == .not {
                index += 1
                return .not(try operand(after: token, symbol: "!") { try $0.unary() })
            }
            return try primary()
        }

        /// `'(' disjunction ')' | comparison`.
        mutating func primary() throws -> SessionCondition {
            guard let token = peek else {
                throw failure("the condition ends where a comparison was expected")
            }
            switch token.kind {
            case .comparison(let text):
                index += 1
                return .comparison(try SessionComparison.parse(text))
            case .open:
                index += 1
                let inner = try disjunction()
                guard peek?.kind == .close else {
                    throw failure("the '(' at position \(token.position) is not closed")
                }
                index += 1
                return inner
            case .close:
                throw failure("the ')' at position \(token.position) has no condition before it")
            case .and, .or:
                let symbol = token.kind == .and ? "&" : "|"
                throw failure("the '\(symbol)' at position \(token.position) has no condition before it")
            case .not:
                return try unary()
            }
        }

        /// The operand after an operator, or an error naming the operator when none follows.
        mutating func operand(
            after token: Token, symbol: String, _ parse: (inout Parser) throws -> SessionCondition
        ) throws -> SessionCondition {
            guard let next = peek, next.kind != .close, next.kind != .and, next.kind != .or else {
                throw failure("the '\(symbol)' at position \(token.position) has no condition after it")
            }
            return try parse(&self)
        }
    }
}
