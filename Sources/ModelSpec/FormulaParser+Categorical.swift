extension FormulaParser {
    /// Parses `C(x)`, `C(x, ref = "North")`, `C(x, ref = 3)` and patsy's
    /// `C(x, Treatment(reference = "North"))` / `C(x, Treatment("North"))`; `current` is the `C`.
    ///
    /// Only treatment (dummy) coding exists, so `Treatment` is accepted as patsy users write it and
    /// any other contrast (`Sum`, `Helmert`, …) is an error rather than silently recoded.
    mutating func parseCategorical() throws(FormulaSyntaxError) -> Factor {
        index += 2  // `C` and `(`
        let open = tokens[index - 1]
        let variable: String
        switch current.kind {
        case .name(let s) where s != ".":
            if peek.kind == .leftParen { throw unsupportedFunction(s, at: current.position) }
            variable = s
        case .quotedName(let s):
            variable = s
        case .rightParen:
            throw error(current.position, "C() needs a column name, e.g. C(region)")
        case .end, .bar:
            throw error(open.position, "unbalanced parentheses: this '(' is never closed; add ')'")
        default:
            throw error(current.position, "C() takes one column name, e.g. C(region), found '\(current.display)'")
        }
        index += 1
        var reference: String?
        if current.kind == .comma {
            index += 1
            reference = try parseReferenceArgument(open: open)
        }
        switch current.kind {
        case .rightParen:
            index += 1
        case .end, .bar:
            throw error(open.position, "unbalanced parentheses: this '(' is never closed; add ')'")
        case .comma:
            throw error(current.position, "C() takes one column and at most one ref = argument, e.g. C(region, ref = \"North\")")
        default:
            throw error(current.position, "C() takes one column name, e.g. C(region); put other terms outside the parentheses")
        }
        return Factor(variable: variable, forcedCategorical: true, reference: reference)
    }

    /// The argument after `C(x,`: `ref = level` or `Treatment(...)`; returns the level as text.
    private mutating func parseReferenceArgument(open: FormulaToken) throws(FormulaSyntaxError) -> String {
        let token = current
        guard case .name(let keyword) = token.kind else {
            if token.kind == .end || token.kind == .bar {
                throw error(open.position, "unbalanced parentheses: this '(' is never closed; add ')'")
            }
            throw error(token.position, "write the reference level as a named argument: C(x, ref = \"North\")")
        }
        switch (keyword, peek.kind) {
        case ("ref", .equals), ("reference", .equals):
            index += 2
            return try parseLevel(after: keyword)
        case ("Treatment", .leftParen):
            let treatmentOpen = peek
            index += 2
            if case .name(let inner) = current.kind, inner == "ref" || inner == "reference", peek.kind == .equals {
                index += 2
            }
            let level = try parseLevel(after: "Treatment(")
            guard current.kind == .rightParen else {
                if current.kind == .end || current.kind == .bar {
                    throw error(treatmentOpen.position, "unbalanced parentheses: this '(' is never closed; add ')'")
                }
                throw error(current.position, "Treatment() takes one reference level, e.g. Treatment(reference = \"North\")")
            }
            index += 1
            return level
        case (_, .leftParen):
            throw error(
                token.position,
                "only treatment (dummy) coding is supported; write C(x, ref = \"level\") instead of '\(keyword)(...)'")
        case (_, .equals):
            throw error(token.position, "C() accepts only 'ref = <level>'; '\(keyword) =' is not supported")
        default:
            throw error(token.position, "write the reference level as a named argument: C(x, ref = \"\(keyword)\")")
        }
    }

    /// A reference level: quoted text, or a number normalized as level names print it (`3.0` → `3`).
    private mutating func parseLevel(after keyword: String) throws(FormulaSyntaxError) -> String {
        let token = current
        switch token.kind {
        case .string(let s):
            index += 1
            return s
        case .number(let s):
            index += 1
            return LevelText.number(s)
        case .minus:
            guard case .number(let s) = peek.kind else { break }
            index += 2
            return LevelText.number("-" + s)
        case .name(let s):
            let quoted = keyword == "Treatment(" ? "Treatment(\"\(s)\")" : "\(keyword) = \"\(s)\""
            throw error(token.position, "put the reference level in quotes: \(quoted)")
        default:
            break
        }
        throw error(token.position, "expected a reference level here, e.g. ref = \"North\" or ref = 3, found '\(token.display)'")
    }
}
