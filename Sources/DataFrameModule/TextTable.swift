/// A plain-text table with aligned columns, for terminal output.
///
/// Cells are padded to the widest cell of their column (widths counted in `Character`s, so
/// accented letters are one column; East Asian wide characters take two terminal cells and will
/// stick out), columns are separated by two spaces, and the header is underlined with dashes.
struct TextTable {
    enum Alignment {
        case left, right
    }

    var headers: [String]
    /// An optional second header line (e.g. column types), above the dashes.
    var subheaders: [String]?
    var alignments: [Alignment]
    var rows: [[String]] = []

    init(headers: [String], alignments: [Alignment]) {
        precondition(headers.count == alignments.count, "one alignment per column")
        self.headers = headers
        self.alignments = alignments
    }

    /// The table as lines joined by LF, with trailing spaces removed from each line.
    func render() -> String {
        var widths = headers.map(\.count)
        if let subheaders {
            precondition(subheaders.count == headers.count, "one subheader per column")
            for (j, cell) in subheaders.enumerated() { widths[j] = max(widths[j], cell.count) }
        }
        for row in rows {
            precondition(row.count == headers.count, "row width \(row.count) ≠ \(headers.count) columns")
            for (j, cell) in row.enumerated() { widths[j] = max(widths[j], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (j, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[j] - cell.count)
                parts.append(alignments[j] == .left ? cell + padding : padding + cell)
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var lines = [line(headers)]
        if let subheaders { lines.append(line(subheaders)) }
        lines.append(line(widths.map { String(repeating: "-", count: $0) }))
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }

    /// `text` on one line (line breaks and tabs shown as `\n`, `\r`, `\t`) and cut to `limit`
    /// characters, the cut marked with an ellipsis.
    static func truncate(_ text: String, to limit: Int) -> String {
        var flat = text
        if text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" }) {
            flat = text.replacingAll("\r\n", with: "\\r\\n").replacingAll("\n", with: "\\n")
                .replacingAll("\r", with: "\\r").replacingAll("\t", with: "\\t")
        }
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}

extension String {
    /// Every occurrence of the character `target` replaced by `replacement`.
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for c in self { if c == target { result += replacement } else { result.append(c) } }
        return result
    }
}
