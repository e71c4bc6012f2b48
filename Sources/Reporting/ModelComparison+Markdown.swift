/// Markdown rendering of a comparison: one GitHub-flavoured table (titles as the header; the
/// dependent variables, estimates with `(SE)` beneath, and the footer rows as body rows), then the
/// legend and the warnings. Formatting only.
extension ModelComparison {
    /// The comparison as GitHub-flavoured Markdown.
    ///
    /// Every cell and note is escaped with `MarkdownText.escapeInline`, so that the stars print as
    /// stars (not emphasis), names keep their underscores and a `|` cannot split a cell.
    public func markdown(digits: Digits = .significant(4)) -> String {
        let layout = layout(digits: digits)
        var table = MarkdownTable(header: [""] + layout.titles, escaping: .inlineMarkup)
        for line in layout.header + layout.coefficients + layout.footer {
            table.append([line.label] + line.cells.map(\.joined))
        }
        var out = table.markdown + "\n" + layout.notes.map { MarkdownText.escapeInline($0) + "\n" }.joined()
        if !layout.warnings.isEmpty {
            out += "\nWarnings:\n\n" + layout.warnings.map { "- \(MarkdownText.escapeInline($0))\n" }.joined()
        }
        return out
    }
}
