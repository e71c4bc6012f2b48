/// Recursive-descent parser for model formulas (R `terms.formula` / patsy semantics).
///
/// Grammar (whitespace free; `:` binds tighter than `*`, which binds tighter than `+` and `-`,
/// as in R and patsy):
/// ```
/// formula     := name '~' sum ('|' name ('+' name)*)?
/// sum         := product (('+' | '-') product)*
/// product     := interaction ('*' interaction)*
/// interaction := atom (':' atom)*
/// atom        := name | `quoted name` | 'C' '(' name (',' refArgument)? ')'
///              | '(' sum ')' | '0' | '1' | '-' ('0' | '1')
/// refArgument := ('ref' | 'reference') '=' level | 'Treatment' '(' (('ref' | 'reference') '=')? level ')'
/// level       := "text" | 'text' | number | '-' number
/// ```
/// `a*b` expands to `a + b + a:b`; `a - b` removes the terms of `b`; `0`, `-1` remove the
/// intercept and `1`, `-0` restore it, the last one written winning (patsy's rules,
/// patsy/desc.py `_eval_binary_plus`, `_eval_binary_minus`, `_eval_unary_minus`).
struct FormulaParser {
    let text: String
    let tokens: [FormulaToken]
    var index = 0

    init(text: String) throws(FormulaSyntaxError) {
        self.text = text
        self.tokens = try FormulaLexer.tokenize(text)
    }

    /// Terms plus the intercept request of a sub-expression: `true` after `1`/`-0`, `false` after
    /// `0`/`-1`, `nil` when the expression says nothing about the intercept.
    struct Expression {
        var terms: [Term]
        var intercept: Bool?
        /// Where the `0`/`1` that set `intercept` was written, for errors.
        var interceptPosition: Int?
    }

    mutating func parseFormula() throws(FormulaSyntaxError) -> Formula {
        let tildes = tokens.filter { $0.kind == .tilde }
        guard let tilde = tildes.first else {
            let at = tokens.first?.kind == .end ? 0 : tokens[0].position
            throw error(at, "no '~' in the formula; write it as 'outcome ~ terms', e.g. 'sales ~ tenure + C(region)'")
        }
        if tildes.count > 1 {
            throw error(tildes[1].position, "a second '~'; a formula has one outcome, written 'outcome ~ terms'")
        }
        let outcome = try parseOutcome(tilde: tilde)
        index += 1  // the '~'
        if current.kind == .bar || current.kind == .end {
            throw error(current.position, "nothing after '~'; list the terms, e.g. 'y ~ x', or write 'y ~ 1' for an intercept-only model")
        }
        let rhs = try parseSum()
        switch current.kind {
        case .bar, .end: break
        case .rightParen: throw error(current.position, "unbalanced parentheses: this ')' has no matching '('")
        default: throw missingOperator(current)
        }
        let absorbed = try parseAbsorbed()
        return Formula(
            outcome: outcome, terms: Formula.merged(rhs.terms), hasIntercept: rhs.intercept ?? true,
            absorbed: absorbed, text: text)
    }

    // MARK: - Sides

    private mutating func parseOutcome(tilde: FormulaToken) throws(FormulaSyntaxError) -> String {
        guard current.kind != .tilde else {
            throw error(tilde.position, "nothing before '~'; name the outcome column first, e.g. 'sales ~ tenure'")
        }
        let first = current
        let name: String
        switch first.kind {
        case .name(let s):
            if peek.kind == .leftParen {
                if s == "C" {
                    throw error(first.position, "the outcome must be a numeric column; C() applies to right-hand-side terms only")
                }
                throw unsupportedFunction(s, at: first.position)
            }
            name = s
        case .quotedName(let s): name = s
        default:
            throw error(first.position, "expected the outcome column name before '~', found '\(first.display)'")
        }
        index += 1
        guard current.kind == .tilde else {
            throw error(current.position, "the outcome must be a single column name; several outcomes or expressions are not supported")
        }
        if name == "." { throw error(first.position, "'.' is not a column name; name the outcome column") }
        return name
    }

    private mutating func parseAbsorbed() throws(FormulaSyntaxError) -> [String] {
        guard current.kind == .bar else { return [] }
        let bar = current
        index += 1
        if current.kind == .end {
            throw error(bar.position, "nothing after '|'; name the fixed effects to absorb, e.g. '| unit + month', or remove the '|'")
        }
        var names: [String] = []
        while true {
            switch current.kind {
            case .name(let s) where s != ".":
                if peek.kind == .leftParen {
                    throw error(
                        current.position, "absorbed fixed effects are plain column names (they are categorical already); drop '\(s)(...)'")
                }
                names.append(s)
            case .quotedName(let s): names.append(s)
            default:
                throw error(current.position, "expected a column name to absorb after '|', found '\(current.display)'")
            }
            index += 1
            switch current.kind {
            case .end:
                var seen = Set<String>()
                return names.filter { seen.insert($0).inserted }
            case .plus:
                index += 1
                if current.kind == .end { throw trailingOperator(tokens[index - 1]) }
            case .bar:
                throw error(current.position, "a second '|' (instrumental variables) is not supported")
            default:
                throw error(current.position, "absorbed fixed effects are column names joined by '+', e.g. '| unit + month'")
            }
        }
    }

    // MARK: - Expressions

    private mutating func parseSum() throws(FormulaSyntaxError) -> Expression {
        var result = try parseProduct()
        while current.kind == .plus || current.kind == .minus {
            let isPlus = current.kind == .plus
            index += 1
            let right = try parseProduct()
            if isPlus {
                result.terms = Formula.merged(result.terms + right.terms)
                if let flag = right.intercept {
                    result.intercept = flag
                    result.interceptPosition = right.interceptPosition
                }
            } else {
                let removed = Set(right.terms.map(\.factorSet))
                result.terms.removeAll { removed.contains($0.factorSet) }
                // "- 1" removes the intercept and "- 0" restores it (patsy's rule).
                if let flag = right.intercept {
                    result.intercept = !flag
                    result.interceptPosition = right.interceptPosition
                }
            }
        }
        return result
    }

    private mutating func parseProduct() throws(FormulaSyntaxError) -> Expression {
        var result = try parseInteraction()
        while current.kind == .star {
            index += 1
            let right = try parseInteraction()
            try requireNoIntercept(result, right, op: "*")
            let both = Formula.merged(result.terms + right.terms)
            result.terms = Formula.merged(both + interact(result.terms, right.terms))
        }
        return result
    }

    private mutating func parseInteraction() throws(FormulaSyntaxError) -> Expression {
        var result = try parseAtom()
        while current.kind == .colon {
            index += 1
            let right = try parseAtom()
            try requireNoIntercept(result, right, op: ":")
            result.terms = Formula.merged(interact(result.terms, right.terms))
        }
        return result
    }

    /// Every term of `left` times every term of `right`, left terms in the outer loop (patsy's order).
    private func interact(_ left: [Term], _ right: [Term]) -> [Term] {
        left.flatMap { a in right.map { b in Term(a.factors + b.factors) } }
    }

    private func requireNoIntercept(_ a: Expression, _ b: Expression, op: String) throws(FormulaSyntaxError) {
        if let at = a.interceptPosition ?? b.interceptPosition {
            throw error(at, "0 and 1 only add or remove the intercept and cannot be combined with '\(op)'")
        }
    }

    private mutating func parseAtom() throws(FormulaSyntaxError) -> Expression {
        let token = current
        switch token.kind {
        case .name(let s):
            if peek.kind == .leftParen {
                guard s == "C" else { throw unsupportedFunction(s, at: token.position) }
                return Expression(terms: [Term(try parseCategorical())])
            }
            if s == "." {
                throw error(token.position, "'.' (all other columns) is not supported; list the columns by name")
            }
            index += 1
            return Expression(terms: [Term(Factor(variable: s))])
        case .quotedName(let s):
            index += 1
            return Expression(terms: [Term(Factor(variable: s))])
        case .number(let s):
            index += 1
            return Expression(terms: [], intercept: try interceptFlag(s, at: token.position), interceptPosition: token.position)
        case .minus:
            index += 1
            guard case .number(let s) = current.kind else {
                if current.kind == .end || current.kind == .bar { throw trailingOperator(token) }
                throw error(
                    token.position,
                    "a leading '-' only applies to 1 or 0 (to remove or restore the intercept); "
                        + "to drop a term write it after a '-', e.g. 'a*b - a:b'")
            }
            let at = current.position
            index += 1
            return Expression(terms: [], intercept: !(try interceptFlag(s, at: at)), interceptPosition: at)
        case .leftParen:
            index += 1
            if current.kind == .rightParen { throw error(token.position, "empty parentheses; put terms inside or remove them") }
            let inner = try parseSum()
            switch current.kind {
            case .rightParen: index += 1
            case .end, .bar: throw error(token.position, "unbalanced parentheses: this '(' is never closed; add ')'")
            default: throw missingOperator(current)
            }
            return inner
        case .rightParen:
            throw error(token.position, "unbalanced parentheses: this ')' has no matching '('")
        case .end, .bar:
            let previous = tokens[index - 1]
            if previous.kind == .leftParen {
                throw error(previous.position, "unbalanced parentheses: this '(' is never closed; add ')'")
            }
            throw previous.isOperator ? trailingOperator(previous) : error(token.position, "expected a term here")
        case .string:
            throw error(
                token.position,
                "quoted text is only allowed as a reference level, C(x, ref = \"level\"); "
                    + "backquote odd column names instead: `sales ($)`")
        default:
            throw error(token.position, "expected a term (a column name, C(column), 0 or 1) here, found '\(token.display)'")
        }
    }

    /// `true` for `1`, `false` for `0`; any other number is an error.
    private func interceptFlag(_ number: String, at position: Int) throws(FormulaSyntaxError) -> Bool {
        switch Double(number) {
        case 1: return true
        case 0: return false
        default:
            throw error(position, "the number \(number) cannot be a term; only 1 (keep the intercept) and 0 or -1 (remove it) may appear")
        }
    }

    // MARK: - Token access and errors

    var current: FormulaToken { tokens[index] }
    var peek: FormulaToken { tokens[min(index + 1, tokens.count - 1)] }

    func error(_ position: Int, _ message: String) -> FormulaSyntaxError {
        FormulaSyntaxError(text: text, position: position, message: message)
    }

    func trailingOperator(_ op: FormulaToken) -> FormulaSyntaxError {
        error(op.position, "'\(op.display)' at the end needs something after it; finish the term or remove the '\(op.display)'")
    }

    func missingOperator(_ token: FormulaToken) -> FormulaSyntaxError {
        error(token.position, "unexpected '\(token.display)'; join terms with '+', ':' or '*'")
    }

    func unsupportedFunction(_ name: String, at position: Int) -> FormulaSyntaxError {
        if name == "factor" || name == "as.factor" {
            return error(position, "'\(name)()' is R's spelling; write C(x) to treat a column as categorical")
        }
        return error(
            position,
            "function '\(name)()' is not supported yet; add the transformed column to the data (e.g. '\(name)_x') and use its name")
    }
}
