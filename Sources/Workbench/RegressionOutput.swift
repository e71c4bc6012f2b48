/// The output forms of `impact regress`.
public enum RegressionOutput: String, Sendable, CaseIterable {
    /// Aligned text for the terminal: the summary of one fit, or the comparison table.
    case text
    /// GitHub-flavoured Markdown: the `RegressionReport` of one fit, or the comparison table.
    case markdown
    /// JSON: `impact-regression-report/1` for one fit, `impact-model-comparison/1` for several.
    case json
}
