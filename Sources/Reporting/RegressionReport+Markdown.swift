/// Markdown rendering of a regression: the model line, the observation account, the covariance
/// label, fit statistics and the coefficient table (layout of statsmodels' `summary()` and R's
/// `summary.lm`, as a Markdown table). Formatting only.
extension RegressionReport {
    /// The regression as GitHub-flavoured Markdown.
    public var markdown: String {
        var out = "## Regression: `\(formula)`\n\n"
        out += "N = \(NumberText.grouped(Double(usedRows))) of \(NumberText.grouped(Double(totalRows))) rows used"
        if let weights { out += "; weights: \(weights)" }
        out += ".\n\n"
        if !dropped.isEmpty {
            var table = MarkdownTable(header: ["Dropped rows: reason", "Rows"])
            for d in dropped { table.append([d.reason, NumberText.grouped(Double(d.count))]) }
            out += table.markdown + "\n"
        }
        out += "Covariance: \(covariance); t df = \(NumberText.grouped(inferenceDF, decimals: 0)).\n\n"
        var fitLine =
            "R² = \(NumberText.grouped(rSquared, decimals: 4)), adjusted R² = \(NumberText.grouped(adjustedRSquared, decimals: 4))"
        if let fTest {
            fitLine +=
                "; F(\(NumberText.grouped(fTest.numeratorDF, decimals: 0)), "
                + "\(NumberText.grouped(fTest.denominatorDF, decimals: 0))) = \(NumberText.statistic(fTest.statistic)), "
                + NumberText.pEquation(fTest.pValue)
        }
        out += fitLine + ".\n\n"
        let levelText = NumberText.level(level)
        var table = MarkdownTable(header: ["Term", "Estimate", "SE", "t", "p", "\(levelText) lower", "\(levelText) upper"])
        for c in coefficients {
            if c.dropped {
                table.append([c.name, "dropped (collinear)", "", "", "", "", ""])
                continue
            }
            func cell(_ x: Double?) -> String { x.map { NumberText.statistic($0) } ?? "n/a" }
            table.append([
                c.name, cell(c.estimate), cell(c.standardError), cell(c.statistic),
                c.pValue.map(NumberText.pValue) ?? "n/a", cell(c.lower), cell(c.upper),
            ])
        }
        out += table.markdown
        if !warnings.isEmpty {
            out += "\nWarnings:\n\n" + warnings.map { "- \($0)\n" }.joined()
        }
        return out
    }
}
