/// A GitHub-flavoured Markdown table with escaped cells.
///
/// Cells are escaped so that user text (item names, sources, column names) cannot break the table:
/// `|` becomes `\|` (GFM spec, "Tables" extension, example 200) and line breaks become spaces.
/// Numeric columns are right-aligned with `---:`. With `escaping: .inlineMarkup` every cell is
/// also made literal for Markdown's inline syntax (`MarkdownText.escapeInline`), for tables whose
/// cells carry characters such as significance stars `***` or names with `_`.
public struct MarkdownTable: Sendable, Equatable {
    /// Column alignment.
    public enum Alignment: Sendable, Equatable {
        case left, right
    }

    /// How much of a cell's text is escaped.
    public enum Escaping: Sendable, Equatable {
        /// Pipes and line breaks only: cells may still use inline Markdown (e.g. `` `code` ``).
        case tableCells
        /// Everything that could be read as inline markup (`MarkdownText.escapeInline`).
        case inlineMarkup
    }

    /// Header cells (unescaped).
    public let header: [String]
    /// Alignment per column.
    public let alignments: [Alignment]
    /// How cells are escaped.
    public let escaping: Escaping
    /// Body rows (unescaped); every row has `header.count` cells.
    public private(set) var rows: [[String]] = []

    /// A table with the given header; `alignments` defaults to left for the first column and right
    /// for the rest (a label column followed by numbers). `escaping` defaults to pipes and line breaks.
    public init(header: [String], alignments: [Alignment]? = nil, escaping: Escaping = .tableCells) {
        precondition(!header.isEmpty, "A table needs at least one column")
        let defaults = [Alignment.left] + Array(repeating: .right, count: header.count - 1)
        let chosen = alignments ?? defaults
        precondition(chosen.count == header.count, "One alignment per column")
        self.header = header
        self.alignments = chosen
        self.escaping = escaping
    }

    /// Appends a row; it must have one cell per column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "Row has \(row.count) cells, table has \(header.count) columns")
        rows.append(row)
    }

    /// `text` made safe for a table cell: pipes escaped, line breaks flattened to spaces.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    /// The table as Markdown lines, ending with a newline.
    public var markdown: String {
        let inline = escaping == .inlineMarkup
        func escaped(_ cell: String) -> String { inline ? MarkdownText.escapeInline(cell) : Self.escape(cell) }
        func line(_ cells: [String]) -> String { "| " + cells.map(escaped).joined(separator: " | ") + " |" }
        let rule = "|" + alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined()
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
