/// A plain HTML table for a notebook or a report: a header row, body rows and an optional footer
/// line, with numeric columns right-aligned.
///
/// Every cell, header, caption and footer is escaped with `HTMLEscaping.escape`, so data such as
/// `<script>` shows as text. Layout is left to the page's style sheet (Jupyter styles bare
/// `<table>` elements); only the alignment of number columns is set inline, because a table of
/// numbers read with ragged right edges is hard to compare down a column.
public struct HTMLTable: Sendable, Equatable {
    /// Column headings.
    public var headers: [String]
    /// Whether each column is right-aligned (numbers); the others are left-aligned.
    public var rightAligned: [Bool]
    /// Body rows, each with one cell per header.
    public var rows: [[String]]
    /// A line below the table (`(total 200)`), or `nil`.
    public var footer: String?

    /// A table without rows; `rightAligned` defaults to all left-aligned.
    public init(headers: [String], rightAligned: [Bool]? = nil, rows: [[String]] = [], footer: String? = nil) {
        precondition(rightAligned.map { $0.count == headers.count } ?? true, "one alignment per column")
        self.headers = headers
        self.rightAligned = rightAligned ?? headers.map { _ in false }
        self.rows = rows
        self.footer = footer
    }

    /// The table as an HTML fragment: `<table>` with `<thead>` and `<tbody>`, then the footer in a `<p>`.
    public var html: String {
        func cell(_ tag: String, _ text: String, _ column: Int) -> String {
            let style = rightAligned[column] ? " style=\"text-align:right\"" : ""
            return "<\(tag)\(style)>\(HTMLEscaping.escape(text))</\(tag)>"
        }
        var out = "<table>\n<thead><tr>"
        out += headers.enumerated().map { cell("th", $1, $0) }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            precondition(row.count == headers.count, "row width \(row.count) ≠ \(headers.count) columns")
            out += "<tr>" + row.enumerated().map { cell("td", $1, $0) }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if let footer, !footer.isEmpty { out += "<p>\(HTMLEscaping.escape(footer))</p>\n" }
        return out
    }
}
