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
        var lines = [line(headers), line(widths.map { String(repeating: "-", count: $0) })]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }

    /// `text` cut to `limit` characters, marking the cut with an ellipsis.
    static func truncate(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
