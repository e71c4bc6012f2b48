/// Plain-text rendering of a comparison for the terminal (the layout of fixest `etable` and Stata
/// `esttab` in a console). Formatting only.
extension ModelComparison {
    /// The comparison as an aligned text table ending with a newline.
    ///
    /// Labels are left-aligned; each model column is right-aligned so that the last digits of
    /// estimates, standard errors and footer numbers line up, with the stars and the closing
    /// parenthesis of a standard error to their right. Text longer than `wrapWidth` characters
    /// (covariance labels) wraps at spaces onto continuation lines, so that a long label does not
    /// widen every column. Rules separate the header, coefficients, footer and notes; warnings
    /// follow, prefixed by the model's title.
    public func text(digits: Digits = .significant(4), wrapWidth: Int = 24) -> String {
        precondition(wrapWidth > 0, "wrapWidth must be positive")
        let layout = layout(digits: digits)
        let lines = layout.header + layout.coefficients + layout.footer
        // The suffix slot is as wide as the widest stars, and at least one character for the
        // closing parenthesis of a standard error.
        let suffixWidth = max(stars.widestSymbol, 1, lines.flatMap(\.cells).map(\.suffix.count).max() ?? 0)
        let labelWidth = lines.map(\.label.count).max() ?? 0
        let bodyWidths = models.indices.map { j in
            max(
                layout.titles[j].count,
                lines.map { Self.wrapped($0.cells[j].body, width: wrapWidth).map(\.count).max() ?? 0 }.max() ?? 0)
        }
        func render(_ label: String, _ cells: [LayoutCell]) -> [String] {
            let pieces = zip(cells, bodyWidths).map { Self.wrapped($0.body, width: $1) }
            let height = pieces.map(\.count).max() ?? 1
            return (0..<height).map { k in
                let labelText = (k == 0 ? label : "").padding(toLength: labelWidth, withPad: " ", startingAt: 0)
                let columns = cells.indices.map { j in
                    let body = k < pieces[j].count ? pieces[j][k] : ""
                    // The suffix sits on the cell's last line, in a slot of fixed width.
                    let suffix = k == pieces[j].count - 1 ? cells[j].suffix : ""
                    return String(repeating: " ", count: bodyWidths[j] - body.count) + body
                        + suffix.padding(toLength: suffixWidth, withPad: " ", startingAt: 0)
                }
                let line = ([labelText] + columns).joined(separator: "  ")
                return String(line.reversed().drop { $0 == " " }.reversed())
            }
        }
        let totalWidth = labelWidth + bodyWidths.reduce(0) { $0 + $1 + suffixWidth + 2 }
        let rule = String(repeating: "─", count: totalWidth)
        var out = render("", layout.titles.map { LayoutCell(body: $0, suffix: "") })
        out += layout.header.flatMap { render($0.label, $0.cells) }
        out.append(rule)
        out += layout.coefficients.flatMap { render($0.label, $0.cells) }
        out.append(rule)
        out += layout.footer.flatMap { render($0.label, $0.cells) }
        out.append(rule)
        out += layout.notes
        if !layout.warnings.isEmpty {
            out.append("Warnings:")
            out += layout.warnings.map { "  - \($0)" }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `text` broken into lines of at most `width` characters where possible, at the commas that
    /// separate a label's parts outside parentheses (so `G = 30` and `(team_id, month)` stay whole);
    /// a part longer than `width` keeps a line of its own.
    static func wrapped(_ text: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for part in commaSeparatedParts(text) {
            if current.isEmpty {
                current = part
            } else if current.count + 1 + part.count <= width {
                current += " " + part
            } else {
                lines.append(current)
                current = part
            }
        }
        lines.append(current)
        return lines
    }

    /// `text` split after each `, ` at parenthesis depth 0, the comma kept with its part.
    static func commaSeparatedParts(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var previous: Character?
        for ch in text {
            if ch == " ", previous == ",", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                if ch == "(" { depth += 1 }
                if ch == ")" { depth = max(depth - 1, 0) }
                current.append(ch)
            }
            previous = ch
        }
        parts.append(current)
        return parts.filter { !$0.isEmpty }
    }
}
