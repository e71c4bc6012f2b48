extension DataFrame {
    /// The frame as an aligned text table for the terminal, in the manner of R's tibble print:
    /// a row-number column (0-based, as `taking(rows:)` counts), the column names, their types
    /// (`<int>`, `<dbl>`, `<bool>`, `<cat>`, `<date>`), then the rows; numbers right-aligned,
    /// text left-aligned, missing values as `NA`, doubles in at most about ten characters, long
    /// or multi-line texts shortened to one line of 30 characters. When there are more than
    /// `maxRows` rows, the first and last halves are shown around a `…` line. The last line
    /// gives the size: `200 rows × 6 columns`.
    public func formattedTable(maxRows: Int = 20) -> String {
        precondition(maxRows >= 0, "maxRows must not be negative")
        let size = "\(rowCount) row\(rowCount == 1 ? "" : "s") × \(columns.count) column\(columns.count == 1 ? "" : "s")"
        guard !columns.isEmpty else { return size }
        let shown: [Int?]  // nil marks the elision line
        if rowCount <= maxRows {
            shown = Array(0..<rowCount)
        } else {
            let top = (maxRows + 1) / 2
            shown = Array(0..<top) + [nil] + Array((rowCount - (maxRows - top))..<rowCount)
        }
        var table = TextTable(
            headers: [""] + columns.map { TextTable.truncate($0.name, to: 30) },
            alignments: [.right] + columns.map { $0.type == .integer || $0.type == .double ? .right : .left })
        table.subheaders = [""] + columns.map { DataFrame.typeTag($0.type) }
        for row in shown {
            guard let i = row else {
                table.rows.append(["…"] + columns.map { _ in "…" })
                continue
            }
            table.rows.append([String(i)] + columns.map { DataFrame.displayText($0, at: i) })
        }
        return table.render() + "\n" + size
    }

    /// Short type tags in the style of R's tibble.
    private static func typeTag(_ type: ColumnType) -> String {
        switch type {
        case .integer: return "<int>"
        case .double: return "<dbl>"
        case .bool: return "<bool>"
        case .categorical: return "<cat>"
        case .date: return "<date>"
        }
    }

    /// A cell for display: doubles shortened, texts on one line and cut to 30 characters.
    private static func displayText(_ column: Column, at i: Int) -> String {
        if column.isMissing(i) { return "NA" }
        switch column.values {
        case .double(let v, _): return DisplayFormatting.number(v[i])
        case .categorical: return TextTable.truncate(column.text(at: i), to: 30)
        default: return column.text(at: i)
        }
    }
}
