/// One variable inside a model term: a data column, optionally forced to be categorical.
///
/// `C(region)` is `Factor(variable: "region", forcedCategorical: true)`;
/// `C(region, ref = "North")` adds `reference: "North"`. A plain `tenure` is
/// `Factor(variable: "tenure")`, whose encoding (number or dummies) follows the column's type.
/// Matches patsy's `C()` and R's `factor()` with `relevel(ref = )`.
public struct Factor: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Column name in the data frame, exactly as written (backquotes removed).
    public let variable: String
    /// Whether `C(...)` forces a categorical (dummy) encoding even for a numeric column.
    public let forcedCategorical: Bool
    /// Reference level from `C(x, ref = ...)`, as text (numbers normalized: `3.0` → `"3"`).
    public let reference: String?

    /// A factor; a reference level is only meaningful for a categorical (`C()`) factor.
    public init(variable: String, forcedCategorical: Bool = false, reference: String? = nil) {
        precondition(!variable.isEmpty, "A factor needs a variable name")
        precondition(reference == nil || forcedCategorical, "A reference level needs C(): forcedCategorical must be true")
        self.variable = variable
        self.forcedCategorical = forcedCategorical
        self.reference = reference
    }

    /// The factor in formula syntax: `tenure`, `` `sales ($)` ``, `C(region)`, `C(region, ref = "North")`.
    public var description: String {
        let name = FormulaLexer.quotedIfNeeded(variable)
        guard forcedCategorical else { return name }
        guard let reference else { return "C(\(name))" }
        // Single quotes only when the level itself contains a double quote (no escapes in the grammar).
        let quoted = reference.contains("\"") ? "'\(reference)'" : "\"\(reference)\""
        return "C(\(name), ref = \(quoted))"
    }

    /// The prefix of design-matrix column names, as patsy writes it: `C(region)` or `region`.
    ///
    /// The reference level is deliberately left out (patsy would print the whole `C(...)` call), so
    /// that column names stay the same whether the reference comes from the formula or the options.
    var columnLabel: String { forcedCategorical ? "C(\(variable))" : variable }
}
