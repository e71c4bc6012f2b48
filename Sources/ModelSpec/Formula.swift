/// A parsed model formula in R / fixest / patsy syntax: `outcome ~ rhs [| fe1 + fe2]`.
///
/// `sales ~ tenure + C(region, ref = "North") * treated | team + month` has outcome `sales`, terms
/// `tenure`, `C(region, ref = "North")`, `treated`, `C(region, ref = "North"):treated`, an intercept
/// and absorbed fixed effects `team`, `month`. Terms keep their written order after expansion of
/// `*` (R would reorder them by degree; patsy by numeric factors and degree; written order is
/// easier to read back), and duplicates are merged as R's `terms()` does.
///
/// Equality compares the model (outcome, terms, intercept, absorbed effects), not the original
/// spelling: `y~x` equals `y ~ x`.
public struct Formula: Sendable, Equatable, CustomStringConvertible {
    /// Name of the outcome column (left of `~`).
    public let outcome: String
    /// Right-hand-side terms in written order after expansion, without duplicates.
    public let terms: [Term]
    /// Whether the model has an intercept (`-1` or `+0` removes it; `+1` keeps it).
    public let hasIntercept: Bool
    /// Fixed effects to absorb (after `|`), in written order, without duplicates.
    public let absorbed: [String]
    /// The text the formula was parsed from (or its canonical rendering when built in code).
    public let text: String

    /// A formula built in code; duplicate terms (as sets of factors) and absorbed names are merged.
    public init(outcome: String, terms: [Term], hasIntercept: Bool = true, absorbed: [String] = []) {
        precondition(!outcome.isEmpty, "A formula needs an outcome")
        var seenAbsorbed = Set<String>()
        let mergedTerms = Formula.merged(terms)
        let mergedAbsorbed = absorbed.filter { seenAbsorbed.insert($0).inserted }
        let canonical = Formula.render(outcome: outcome, terms: mergedTerms, hasIntercept: hasIntercept, absorbed: mergedAbsorbed)
        self.init(outcome: outcome, terms: mergedTerms, hasIntercept: hasIntercept, absorbed: mergedAbsorbed, text: canonical)
    }

    init(outcome: String, terms: [Term], hasIntercept: Bool, absorbed: [String], text: String) {
        self.outcome = outcome
        self.terms = terms
        self.hasIntercept = hasIntercept
        self.absorbed = absorbed
        self.text = text
    }

    /// Parses `outcome ~ rhs [| fe1 + fe2 ...]`.
    ///
    /// Terms are joined by `+`; `a:b` is an interaction and `a*b` means `a + b + a:b` (`:` binds
    /// tighter than `*`, as in R); `(a + b):c` distributes; `- term` removes a term; `0`, `+0` or
    /// `-1` remove the intercept and `1` keeps it. `C(x)` forces a categorical encoding and
    /// `C(x, ref = "North")`, `C(x, ref = 3)` or patsy's `C(x, Treatment("North"))` set the
    /// reference level. Odd names are backquoted: `` `sales ($)` ``. Functions such as `log()` are
    /// not supported yet.
    ///
    /// - Throws: `FormulaSyntaxError` with the 0-based character position of the problem.
    public static func parse(_ text: String) throws(FormulaSyntaxError) -> Formula {
        var parser = try FormulaParser(text: text)
        return try parser.parseFormula()
    }

    /// Every column the right-hand side uses, in order of first appearance.
    public var regressorVariables: [String] {
        var seen = Set<String>()
        return terms.flatMap(\.factors).map(\.variable).filter { seen.insert($0).inserted }
    }

    /// Canonical formula text: `y ~ a + b + a:b`, `y ~ a - 1`, `y ~ 1`, `y ~ 0`, `y ~ x | unit + month`.
    ///
    /// Parsing the description gives back an equal formula.
    public var description: String {
        Formula.render(outcome: outcome, terms: terms, hasIntercept: hasIntercept, absorbed: absorbed)
    }

    /// Same outcome, terms (in order), intercept and absorbed effects; the original text is ignored.
    public static func == (a: Formula, b: Formula) -> Bool {
        a.outcome == b.outcome && a.terms == b.terms && a.hasIntercept == b.hasIntercept && a.absorbed == b.absorbed
    }

    /// Terms without duplicates, keeping first occurrences; `a:b` and `b:a` are the same term.
    static func merged(_ terms: [Term]) -> [Term] {
        var seen = Set<Set<Factor>>()
        return terms.filter { seen.insert($0.factorSet).inserted }
    }

    static func render(outcome: String, terms: [Term], hasIntercept: Bool, absorbed: [String]) -> String {
        var rhs = terms.map(\.description).joined(separator: " + ")
        if terms.isEmpty {
            rhs = hasIntercept ? "1" : "0"
        } else if !hasIntercept {
            // R's own deparse spelling for a model without intercept.
            rhs += " - 1"
        }
        var text = "\(FormulaLexer.quotedIfNeeded(outcome)) ~ \(rhs)"
        if !absorbed.isEmpty {
            text += " | " + absorbed.map(FormulaLexer.quotedIfNeeded).joined(separator: " + ")
        }
        return text
    }
}
